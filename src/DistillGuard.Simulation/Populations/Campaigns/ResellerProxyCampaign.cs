using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>
/// A harvester hidden among a reseller's customers: the reseller's account pool (<see cref="ResellerPool"/>)
/// carries its real end users and, on every account, the operator's round-the-clock sweeps in fixed wrappers
/// from the operator's own SDK client. The share of real customers' exchanges per account is the spec's
/// <see cref="CampaignSpec.OrganicShare"/>; the total volume per account matches an organic reseller's.
/// Labelled <c>campaign</c>: the account pool is what carries the harvest out (see the README).
/// </summary>
internal static class ResellerProxyCampaign
{
    public const string Kind = "reseller-proxy";

    public static void Generate(SimContext ctx, CampaignSpec spec)
    {
        Random rng = ctx.NewStream();
        string campaignId = ctx.NextCampaignId();
        var pool = ResellerPool.Open(rng, ctx.Spec.Start);
        IWrapper[] wrappers = HydraCampaign.FixedKit(ctx.OperatorStream(rng), rng);
        IPromptSource dataset = ctx.Prompts.Capability.Sweep(rng);
        string[] clients = [UserAgents.Sdk(rng), UserAgents.Sdk(rng)];
        CallShape shape = HydraCampaign.SweepShape(rng);
        for (int i = 0; i < spec.Accounts; i++)
        {
            AccountTraffic traffic = ctx.NewAccount(pool.Draft(rng, Kind, campaignId));
            Random own = traffic.Rng;
            double rate = own.LogNormal(spec.DailyRate, 0.3), organic = own.Uniform(spec.OrganicShare.Min, spec.OrganicShare.Max);
            ResellerPool.EndUsers(traffic, ctx, rate * organic);
            Sweep(traffic, ctx, rate * (1 - organic), shape, wrappers, dataset, clients);
        }
    }

    private static void Sweep(
        AccountTraffic traffic, SimContext ctx, double dailyRate, CallShape shape, IWrapper[] wrappers, IPromptSource dataset, string[] clients)
    {
        Random rng = traffic.Rng;
        double meanGap = 86_400 / Math.Max(1, dailyRate);
        for (DateTimeOffset t = ctx.Spec.Start.AddSeconds(rng.Uniform(0, meanGap)); t < ctx.Spec.End;
             t = t.AddSeconds(-meanGap * Math.Log(1 - rng.NextDouble())))
        {
            traffic.Call(t, rng.Pick(wrappers).Wrap(rng, dataset.Next(rng).Text), shape, client: rng.Pick(clients));
        }
    }
}
