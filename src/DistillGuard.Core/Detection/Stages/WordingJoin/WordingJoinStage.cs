using DistillGuard.Core.Linking;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Detection.Stages.WordingJoin;

/// <summary>An operator's separately linked clusters joined on their recurring wrapper wording (<see cref="WordingMerge"/>).</summary>
internal sealed class WordingJoinStage : IDetectionStage
{
    public string Name => "wording-join";

    public DetectionState Run(DetectionState state)
    {
        var words = new Wording(VerdictAssembler.Wording(state.Features, state.Assessments, state.Phrases, state.Options.Scoring, state.Options.PhrasePullIn), state.Options.Wording);
        return state with { Words = words, Clusters = WordingMerge.Merge(state.Clusters, words) };
    }
}
