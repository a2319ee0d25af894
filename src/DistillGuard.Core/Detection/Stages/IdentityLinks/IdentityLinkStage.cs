using DistillGuard.Core.Linking;

namespace DistillGuard.Core.Detection.Stages.IdentityLinks;

/// <summary>Harvest-like accounts linked through rare shared identity values, with timing evidence (<see cref="CampaignLinker"/>).</summary>
internal sealed class IdentityLinkStage : IDetectionStage
{
    public string Name => "identity-links";

    public DetectionState Run(DetectionState state)
    {
        var linking = CampaignLinker.Analyse(state.Candidates, state.Options.Linker);
        return state with { Graph = linking.Graph, Clusters = linking.Clusters };
    }
}
