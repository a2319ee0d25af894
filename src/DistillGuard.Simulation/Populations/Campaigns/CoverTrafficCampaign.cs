using DistillGuard.Simulation.ScenarioSpecs;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>
/// A hydra operator that dilutes every account with ordinary-looking conversations (<see cref="CoverTraffic"/>):
/// a large share of each account's exchanges (the spec's <see cref="CampaignSpec.OrganicShare"/>) is chat,
/// advice and writing help with follow-ups, copied from the organic generator or corpus, so per-account
/// shares of reasoning asks, capability items and long answers fall towards an ordinary user's.
/// </summary>
internal static class CoverTrafficCampaign
{
    public const string Kind = "cover-traffic";

    public static void Generate(SimContext ctx, CampaignSpec spec) => HydraCampaign.Run(ctx, spec, Kind, HydraCampaign.FixedKit, withCover: true);
}
