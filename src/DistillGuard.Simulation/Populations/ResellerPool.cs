using System.Globalization;
using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations;

/// <summary>
/// A reseller or API proxy business: a pool of accounts under one organisation and one or two company
/// cards, called from the business's servers in one cloud subnet. Each account fronts many end users,
/// whose clients (user agents) are passed through, whose conversations interleave and whose days follow
/// their own time zones. Organic resellers and those a harvester hides behind are built by this one factory.
/// </summary>
internal sealed class ResellerPool
{
    private readonly string organization;
    private readonly string domain;
    private readonly string[] payments;
    private readonly Endpoint[] servers;
    private readonly string gateway;
    private readonly DateTimeOffset start;

    private ResellerPool(Random rng, DateTimeOffset start)
    {
        this.start = start;
        organization = Identities.OrganizationId(rng);
        domain = Identities.CompanyDomain(rng);
        payments = [.. Enumerable.Range(0, rng.Next(1, 3)).Select(_ => Identities.PaymentFingerprint(rng))];
        AutonomousSystem cloud = rng.Pick(Networks.Cloud);
        string subnet = cloud.RandomSubnet(rng);
        servers = [.. Enumerable.Range(0, rng.Next(1, 5)).Select(_ => new Endpoint(
            subnet + "." + rng.Next(2, 254).ToString(CultureInfo.InvariantCulture), cloud.Asn, cloud.Country))];
        gateway = UserAgents.Sdk(rng);
    }

    public static ResellerPool Open(Random rng, DateTimeOffset start) => new(rng, start);

    /// <summary>One account of the pool: an established business account on the pool's card and servers.</summary>
    public AccountDraft Draft(Random rng, string kind, string? campaignId)
    {
        Endpoint[] endpoints = [.. servers.OrderBy(_ => rng.Next()).Take(rng.Next(1, Math.Min(3, servers.Length) + 1))];
        return new AccountDraft(kind, Identities.CreatedBefore(rng, start, 10, 500), domain, rng.Pick(payments), endpoints, [gateway], 0,
            OrganizationId: organization, CampaignId: campaignId);
    }

    /// <summary>
    /// Plays the end users of one account until they have sent about <paramref name="dailyRate"/> exchanges
    /// a day: each with a client, time zone, rhythm and call shape of their own, some of them students.
    /// </summary>
    /// <returns>The exchanges emitted (before the period's edges are cut).</returns>
    public static int EndUsers(AccountTraffic traffic, SimContext ctx, double dailyRate)
    {
        Random rng = traffic.Rng;
        var homework = new HomeworkPrompts(ctx.Prompts.Capability);
        int budget = (int)Math.Round(dailyRate * ctx.Spec.Days), emitted = 0;
        while (emitted < budget)
        {
            string client = rng.Chance(0.7) ? UserAgents.Consumer(rng) : UserAgents.Sdk(rng);
            (double tz, _) = Identities.HomeZone(rng);
            Rhythm rhythm = rng.Chance(0.7) ? Rhythm.Leisure : Rhythm.Work;
            CallShape shape = CasualPopulation.Shape(rng, client);
            bool student = rng.Chance(0.15);
            int volume = Math.Min(budget - emitted, rng.LogNormalInt(8, 1.25, 1, 900));
            int used = 0;
            while (used < volume)
            {
                PromptItem item = student && rng.Chance(0.6) ? homework.Next(rng) : ctx.Prompts.OrganicChat.Next(rng);
                DateTimeOffset at = rhythm.Sample(rng, ctx.Spec.Start, ctx.Spec.End, tz);
                used += Conversations.Play(traffic, at, item, shape, volume - used, client: client).Turns;
            }

            emitted += used;
        }

        return emitted;
    }
}
