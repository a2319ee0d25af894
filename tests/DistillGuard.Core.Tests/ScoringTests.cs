using Xunit;
using CsCheck;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Tests;

public class ScoringTests
{
    internal static readonly Gen<AccountFeatures> Features =
        from shares in Gen.Double[0, 1].Array[8]
        from exchanges in Gen.Long[1, 100_000]
        from ratio in Gen.Double[0.001, 50]
        from maxTokens in Gen.Double[0, 64_000]
        from reasoning in Gen.Double[0, 20_000]
        from entropy in Gen.Double[0, 1]
        from turn in Gen.Double[0, 50]
        from age in Gen.Double[0, 2000]
        from perDay in Gen.Double[0.1, 10_000]
        from meanOut in Gen.Double[0, 8_000]
        from clients in Gen.Double[1, 200]
        from lead in Gen.Double[0, 1].Array[3]
        select new AccountFeatures
        {
            AccountId = new AccountId("a"),
            Exchanges = exchanges,
            FirstSeen = DateTimeOffset.UnixEpoch,
            LastSeen = DateTimeOffset.UnixEpoch.AddDays(3),
            ActiveDays = 3,
            ExchangesPerActiveDay = perDay,
            HourEntropy = entropy,
            ActiveHourShare = entropy,
            GapRegularity = 1,
            MedianGapSeconds = 60,
            InputTokens = 1000,
            OutputTokens = (long)(1000 * ratio),
            ReasoningTokens = 0,
            OutputInputRatio = ratio,
            MeanOutputTokens = meanOut,
            MeanReasoningTokens = reasoning,
            ReasoningShare = shares[0],
            MeanMaxTokens = maxTokens,
            MaxTokensSetShare = shares[1],
            TruncatedShare = shares[2] / 2,
            ZeroTemperatureShare = 0,
            MeanTurnIndex = turn,
            MaxTurnIndex = (int)turn,
            FirstTurnShare = shares[3],
            ToolUseShare = shares[4],
            ToolResultFeedbackShare = shares[5],
            FollowUpShare = 1 - shares[3],
            AccountAgeDaysAtFirstUse = age,
            ReasoningElicitationShare = shares[6],
            HarvestCapabilityShare = shares[7],
            CapabilityMix = new double[Capabilities.Count],
            DistinctPromptShare = shares[3],
            TemplateShare = shares[5],
            ErrorShare = 0,
            DistinctClients = clients,
            LeadClientShare = lead[0] < 0.3 ? 0 : lead[0],
            LeadClientElicitationShare = lead[1],
            LeadClientCapabilityShare = lead[2],
        };

    // Each risk feature, and a way to make it riskier.
    private static readonly Func<AccountFeatures, double, AccountFeatures>[] Riskier =
    [
        (f, d) => f with { ReasoningElicitationShare = Math.Min(1, f.ReasoningElicitationShare + d) },
        (f, d) => f with { HarvestCapabilityShare = Math.Min(1, f.HarvestCapabilityShare + d) },
        (f, d) => f with { FirstTurnShare = Math.Min(1, f.FirstTurnShare + d) },
        (f, d) => f with { DistinctPromptShare = Math.Min(1, f.DistinctPromptShare + d) },
        (f, d) => f with { OutputInputRatio = f.OutputInputRatio * (1 + d) },
        (f, d) => f with { MeanOutputTokens = f.MeanOutputTokens * (1 + d) },
        (f, d) => f with { MaxTokensSetShare = Math.Min(1, f.MaxTokensSetShare + d) },
        (f, d) => f with { MeanMaxTokens = f.MeanMaxTokens + (d * 10_000) },
        (f, d) => f with { TruncatedShare = Math.Min(1, f.TruncatedShare + d) },
        (f, d) => f with { MeanReasoningTokens = f.MeanReasoningTokens + (d * 5_000) },
        (f, d) => f with { HourEntropy = Math.Min(1, f.HourEntropy + d) },
        (f, d) => f with { TemplateShare = Math.Min(1, f.TemplateShare + d) },
        (f, d) => f with { ExchangesPerActiveDay = f.ExchangesPerActiveDay * (1 + d) },
        (f, d) => f with { Exchanges = f.Exchanges * 2 },
        (f, d) => f with { AccountAgeDaysAtFirstUse = Math.Max(0, f.AccountAgeDaysAtFirstUse!.Value - (d * 100)) },
        (f, d) => f with { MeanTurnIndex = Math.Max(0, f.MeanTurnIndex - (d * 10)) }, // less conversational depth
        (f, d) => f with { ToolResultFeedbackShare = Math.Max(0, f.ToolResultFeedbackShare - d) }, // fewer results used
        (f, d) => f with { LeadClientElicitationShare = Math.Min(1, f.LeadClientElicitationShare + d) }, // a reseller's heavy client asks for more reasoning
        (f, d) => f with { LeadClientCapabilityShare = Math.Min(1, f.LeadClientCapabilityShare + d) },
        (f, d) => f with { DistinctClients = f.DistinctClients + (d * 50) }, // more clients behind the account
    ];

    [Fact]
    public void TheScoreNeverFallsWhenARiskSignalGrows()
    {
        Features.Select(Gen.Int[0, Riskier.Length - 1], Gen.Double[0, 1]).Sample((f, which, delta) =>
        {
            var before = HarvestScorer.Score(f, ScoringParameters.Default).LogOdds;
            var after = HarvestScorer.Score(Riskier[which](f, delta), ScoringParameters.Default).LogOdds;
            return after >= before - 1e-9;
        }, iter: 5000);
    }

    [Fact]
    public void EveryNonZeroContributionComesWithAReason()
    {
        Features.Sample(f =>
        {
            var assessment = HarvestScorer.Score(f, ScoringParameters.Default);
            var sum = ScoringParameters.Default.Bias + assessment.Reasons.Sum(r => r.Contribution);
            return Math.Abs(sum - assessment.LogOdds) < 1e-9 && assessment.Reasons.All(r => r.Evidence.Length > 0);
        });
    }

    [Fact]
    public void NegativeRiskWeightsAreRefused() =>
        Assert.Throws<ArgumentException>(() => (ScoringParameters.Default with { Breadth = -1 }).Validate());

    [Fact]
    public void DepthAndToolFeedbackSpeakForAnAccountOnlyAsFarAsItsSessionsOpenOnTasksOfTheirOwn()
    {
        var coder = Features.Single() with { MeanTurnIndex = 10, ToolUseShare = 0.8, ToolResultFeedbackShare = 0.9, TemplateShare = 0.05 };
        var agent = coder with { TemplateShare = 1.0 };

        var coderReasons = HarvestScorer.Score(coder, ScoringParameters.Default).Reasons;
        var agentReasons = HarvestScorer.Score(agent, ScoringParameters.Default).Reasons;

        Assert.Contains(coderReasons, r => r.Signal == SignalNames.ConversationDepth && r.Contribution < -2);
        Assert.Contains(coderReasons, r => r.Signal == SignalNames.ToolFeedback && r.Contribution < -0.5);
        Assert.DoesNotContain(agentReasons, r => r.Signal is SignalNames.ConversationDepth or SignalNames.ToolFeedback);
        Assert.True(HarvestScorer.Score(agent, ScoringParameters.Default).LogOdds >= HarvestScorer.Score(coder, ScoringParameters.Default).LogOdds + 3);
    }
}
