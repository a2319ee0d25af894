using DistillGuard.Core.Linking;

namespace DistillGuard.Core.Detection.Stages.BehaviourJoin;

/// <summary>Small fragments joined to a cluster driven the same way, never to one worded apart (<see cref="BehaviourMerge"/>).</summary>
internal sealed class BehaviourJoinStage : IDetectionStage
{
    public string Name => "behaviour-join";

    public DetectionState Run(DetectionState state)
    {
        var p = state.Options.Scoring;
        var words = state.Words ?? throw new InvalidOperationException("the behaviour join reads the wording the wording join left");
        var vectors = state.Clusters.Select(c => words.Of(c.Accounts)).ToArray();
        var clusters = BehaviourMerge.Merge(state.Clusters, state.Profiles, p.MergeTolerance, p.MergeSpreadFloor, p.MergeMaxFragment,
            (i, j) => words.Apart(vectors[i], vectors[j]));
        return state with { Clusters = clusters };
    }
}
