using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>
/// A patient operator: aged accounts on distinct residential addresses, daily rhythm of the
/// account's own time zone, a few dozen calls a day, paraphrased wrappers, and 20–40% cover
/// traffic drawn from the same generator as organic users.
/// </summary>
internal static class LowAndSlowCampaign
{
    public const string Kind = "low-and-slow";

    public static void Generate(SimContext ctx, CampaignSpec spec)
    {
        Random rng = ctx.NewStream();
        var op = new Operator(rng, ctx.NextCampaignId(), Networks.Hosting, paymentCount: rng.Next(2, 5), subnetCount: 1, ctx.OperatorSignups(spec.Accounts, spanDays: 440));
        // Half the harvest requests use a generic paraphrase grammar, half the operator's own wrapper,
        // paraphrased anew in each request.
        IWrapper[] wrappers = [new ParaphrasedWrapper(), HouseStyle.Draw(ctx.OperatorStream(rng)).Paraphrasing()];
        IPromptSource dataset = ctx.Prompts.Capability.Sweep(rng);
        string model = rng.Chance(0.8) ? Models.Large : Models.Medium;
        for (int i = 0; i < spec.Accounts; i++)
        {
            (double tz, string country) = Identities.HomeZone(rng);
            Endpoint[] endpoints = [Networks.ResidentialIn(rng, country).RandomEndpoint(rng)];
            var draft = new AccountDraft(Kind, Identities.CreatedBefore(rng, ctx.Spec.Start, 60, 500), Identities.ConsumerDomain(rng),
                op.Payment(rng, 0.5), endpoints, [UserAgents.ConsumerSdk(rng)], tz, CampaignId: op.CampaignId);
            Emit(ctx.NewAccount(draft), ctx, spec, model, wrappers, dataset);
        }
    }

    private static void Emit(AccountTraffic traffic, SimContext ctx, CampaignSpec spec, string model, IWrapper[] wrappers, IPromptSource dataset)
    {
        Random rng = traffic.Rng;
        var harvest = new CallShape(model, null, rng.LogNormal(800, 0.25), 0.6, rng.Pick(new long?[] { 4096, 8192 }), null,
            rng.Uniform(0.3, 0.7), rng.LogNormal(1200, 0.3), null, 0, SendsConversation: true);
        var cover = harvest with { OutputMedian = 320, OutputSigma = 0.85, MaxTokens = null, ThinkingShare = 0.1 };
        double coverShare = rng.Uniform(0.2, 0.4);
        Rhythm rhythm = rng.Chance(0.5) ? Rhythm.Leisure : Rhythm.Work;
        for (int day = 0; day < ctx.Spec.Days; day++)
        {
            DateTimeOffset dayStart = ctx.Spec.Start.AddDays(day);
            int calls = rng.Poisson(spec.DailyRate * rng.Uniform(0.6, 1.3));
            while (calls > 0)
            {
                DateTimeOffset at = rhythm.Sample(rng, dayStart, dayStart.AddDays(1), traffic.Account.UtcOffsetHours);
                if (rng.Chance(coverShare))
                {
                    calls -= Conversations.Play(traffic, at, ctx.Prompts.OrganicChat.Next(rng), cover, calls).Turns;
                }
                else
                {
                    traffic.Call(at, rng.Pick(wrappers).Wrap(rng, dataset.Next(rng).Text), harvest);
                    calls--;
                }
            }
        }
    }
}
