using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Detection.Stages.HarvestScore;

/// <summary>Each account's harvest-likeness, with its reasons: one account at a time, in parallel, each in its account's place.</summary>
internal sealed class HarvestScoreStage : IDetectionStage
{
    public string Name => "harvest-score";

    public DetectionState Run(DetectionState state)
    {
        var assessments = new HarvestAssessment[state.Features.Count];
        Parallel.For(0, assessments.Length, i => assessments[i] = HarvestScorer.Score(state.Features[i], state.Options.Scoring));
        return state with { Assessments = assessments };
    }
}
