using DistillGuard.Core.Detection;
using DistillGuard.Core.Model;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>The order of detection's stages, read in one place, and what the run leaves.</summary>
public sealed class DetectionPipelineTests
{
    [Fact]
    public void PerAccountWorkComesFirstThenLinkingThenJudgementThenVerdicts() =>
        Assert.Equal(
            ["account-features", "harvest-score", "identity-links", "template-families", "wording-join", "behaviour-join", "group-judgement", "verdicts"],
            DetectionPipeline.Stages.Select(s => s.Name));

    [Fact]
    public void AHostsStageGoesInAfterTheStageItNames()
    {
        var stages = DetectionPipeline.With(new Marker(), after: "group-judgement");

        Assert.Equal("marker", stages[DetectionPipeline.Stages.Select(s => s.Name).ToList().IndexOf("group-judgement") + 1].Name);
        Assert.Equal(DetectionPipeline.Stages.Count + 1, stages.Count);
    }

    [Fact]
    public void ARunLeavesAVerdictForEveryAccountInIdOrderWhateverOrderTheStatesCameIn()
    {
        var states = Enumerable.Range(0, 12).Select(i => Some.State($"acct_{i:00}", Enumerable.Range(0, 4).Select(k => Some.Exchange($"acct_{i:00}", $"question {i} part {k} about cooking pasta", k)))).ToList();

        var forward = DetectionPipeline.Run(states, DetectionOptions.Default);
        var backward = DetectionPipeline.Run(Enumerable.Reverse(states), DetectionOptions.Default);

        Assert.Equal(states.Select(s => s.AccountId).Order(), forward.Verdicts!.Accounts.Select(v => v.AccountId));
        Assert.Equal(forward.Verdicts.Accounts.Select(v => (v.AccountId, v.RiskScore, v.Verdict)), backward.Verdicts!.Accounts.Select(v => (v.AccountId, v.RiskScore, v.Verdict)));
        Assert.All(forward.Verdicts.Accounts, v => Assert.Equal(Verdict.Benign, v.Verdict));
    }

    [Fact]
    public void OptionsOutOfRangeAreRefusedBeforeAnyStageRuns() =>
        Assert.Throws<ArgumentException>(() => DetectionPipeline.Run([], DetectionOptions.Default with
        {
            TemplateFamilies = DistillGuard.Core.Detection.Stages.TemplateFamilies.TemplateFamilyOptions.Default with { MaxWaveChance = 0 },
        }));

    private sealed class Marker : IDetectionStage
    {
        public string Name => "marker";

        public DetectionState Run(DetectionState state) => state;
    }
}
