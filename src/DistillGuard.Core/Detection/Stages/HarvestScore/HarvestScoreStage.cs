using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Detection.Stages.HarvestScore;

/// <summary>Each account's harvest-likeness, with its reasons.</summary>
internal sealed class HarvestScoreStage : IDetectionStage
{
    public string Name => "harvest-score";

    public DetectionState Run(DetectionState state) => state with
    {
        Assessments = [.. state.Features.Select(f => HarvestScorer.Score(f, state.Options.Scoring))],
    };
}
