using DistillGuard.Core.Linking;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Detection.Stages.GroupJudgement;

/// <summary>Each group judged on its accounts' traffic put back together: a group of colleagues does not look like a harvest when combined.</summary>
internal sealed class GroupJudgementStage : IDetectionStage
{
    public string Name => "group-judgement";

    public DetectionState Run(DetectionState state) => state with
    {
        Judged = [.. state.Clusters.Select(c => new ClusterAssessment(c, DetectionPipeline.Combined(c, a => state.ById[a], state.Options.Scoring)))],
    };
}
