using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;

namespace DistillGuard.Simulation.Populations;

/// <summary>
/// Resellers and API proxies that carry only their customers' traffic (<c>reseller</c>): high volume,
/// round the clock, many clients and interleaved conversations, a shared card and servers across a
/// pool of accounts. A hard negative for volume, breadth and linking alike.
/// </summary>
internal static class ResellerPopulation
{
    public const string Kind = "reseller";

    public static void Generate(SimContext ctx)
    {
        ResellerSpec spec = ctx.Spec.Resellers;
        if (spec.Pools == 0)
        {
            // No stream is drawn, so scenarios without resellers keep their bytes.
            return;
        }

        Random rng = ctx.NewStream();
        for (int p = 0; p < spec.Pools; p++)
        {
            var pool = ResellerPool.Open(rng, ctx.Spec.Start);
            int accounts = rng.Next(1, spec.MaxAccountsPerPool + 1);
            for (int i = 0; i < accounts; i++)
            {
                var traffic = ctx.NewAccount(pool.Draft(rng, Kind, campaignId: null));
                ResellerPool.EndUsers(traffic, ctx, traffic.Rng.LogNormal(spec.DailyRate, 0.3));
            }
        }
    }
}
