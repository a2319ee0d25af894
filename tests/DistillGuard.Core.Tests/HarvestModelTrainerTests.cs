using CsCheck;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;
using DistillGuard.Core.Training;
using Xunit;
using static DistillGuard.Core.Tests.TrainingData;

namespace DistillGuard.Core.Tests;

public class HarvestModelTrainerTests
{
    private static readonly TrainingOptions Uncorrected = TrainingOptions.Default with { Prevalence = null };

    /// <summary>Harvesters ask for reasoning and run round the clock; organic users hold deep conversations.</summary>
    private static TrainingSet Separated()
    {
        var random = new Random(3);
        var accounts = new List<(AccountFeatures, bool)>();
        for (var i = 0; i < 60; i++)
        {
            accounts.Add((Account($"h{i}", elicitation: 0.3 + (0.4 * random.NextDouble()), hourEntropy: 0.9 + (0.1 * random.NextDouble()),
                meanTurn: random.NextDouble()), true));
            accounts.Add((Account($"o{i}", elicitation: 0.1 * random.NextDouble(), hourEntropy: 0.5 + (0.3 * random.NextDouble()),
                meanTurn: 2 + (8 * random.NextDouble())), false));
        }

        return Set([.. accounts]);
    }

    [Fact]
    public void TheWeightSlotsFollowTheScorersSignalsInOrder()
    {
        var names = HarvestSignals.Of(Account("a"), SignalCurves.Default).Select(s => s.Name);
        Assert.Equal(SignalWeights.AccountSignals, names);
    }

    [Fact]
    public void TrainingFindsTheSignalsThatSeparateTheClassesWithTheirSigns()
    {
        var trained = HarvestModelTrainer.Train(Separated(), Uncorrected, ScoringParameters.Default);

        var p = trained.Parameters;
        Assert.True(p.ReasoningElicitation > 1, $"reasoning elicitation {p.ReasoningElicitation}");
        Assert.True(p.RoundTheClock > 0.5, $"round the clock {p.RoundTheClock}");
        Assert.True(p.ConversationDepth < -0.5, $"conversation depth {p.ConversationDepth}");
        Assert.True(trained.Summary.Converged);
        Assert.Equal(1.0, trained.Summary.Metrics.Recall);
        Assert.Equal(1.0, trained.Summary.Metrics.Precision);
    }

    [Fact]
    public void CampaignAndLinkingParametersAreKeptFromTheBaseline()
    {
        var baseline = ScoringParameters.Default with { Coordination = 4.5, CampaignThreshold = 0.6, TwinTolerance = 1.5 };

        var p = HarvestModelTrainer.Train(Separated(), TrainingOptions.Default, baseline).Parameters;

        Assert.Equal(baseline with { Bias = p.Bias, ReasoningElicitation = p.ReasoningElicitation, HarvestCapability = p.HarvestCapability,
            Breadth = p.Breadth, OutputEconomics = p.OutputEconomics, MaxTokensPressure = p.MaxTokensPressure, ReasoningBudget = p.ReasoningBudget,
            RoundTheClock = p.RoundTheClock, FreshAccount = p.FreshAccount, TemplateReuse = p.TemplateReuse, Volume = p.Volume,
            ConversationDepth = p.ConversationDepth, ToolFeedback = p.ToolFeedback }, p);
    }

    [Fact]
    public void BalancedWeightsGiveEachClassHalfTheLoss()
    {
        var set = Set([.. Separated().Accounts.Where((a, i) => a.IsHarvester ? i < 20 : true).Select(a => (a.Features, a.IsHarvester))]);

        var summary = HarvestModelTrainer.Train(set, TrainingOptions.Default, ScoringParameters.Default).Summary;

        Assert.Equal(summary.Positives * summary.PositiveWeight, summary.Negatives * summary.NegativeWeight, 9);
        Assert.Equal(summary.Accounts, summary.Positives * summary.PositiveWeight * 2, 9);
    }

    [Fact]
    public void ThePrevalenceMovesOnlyTheBiasByTheDifferenceInPriorLogOdds()
    {
        var set = Separated();

        var raw = HarvestModelTrainer.Train(set, Uncorrected, ScoringParameters.Default);
        var corrected = HarvestModelTrainer.Train(set, Uncorrected with { Prevalence = 0.1 }, ScoringParameters.Default);

        // Balanced classes carry half the loss each: training log-odds 0, target log-odds logit(0.1).
        Assert.Equal(raw.Parameters.Bias + Math.Log(0.1 / 0.9), corrected.Parameters.Bias, 9);
        Assert.Equal(raw.Parameters with { Bias = corrected.Parameters.Bias }, corrected.Parameters);
        Assert.Equal(raw.Parameters.Bias, corrected.Summary.FittedBias);
        Assert.Equal(raw.Summary.Metrics, corrected.Summary.Metrics);
        Assert.Equal(0.1, corrected.Summary.Prevalence);
    }

    private static readonly Gen<AccountFeatures> AnyAccount =
        from shares in Gen.Double[0, 1].Array[6]
        from turn in Gen.Double[0, 20]
        from reasoning in Gen.Double[0, 8000]
        from output in Gen.Double[1, 4000]
        select Account("a", elicitation: shares[0], harvestShare: shares[1], meanTurn: turn, hourEntropy: shares[2],
            reasoningTokens: reasoning, meanOutput: output) with
        {
            MaxTokensSetShare = shares[3],
            MeanMaxTokens = 16000 * shares[4],
            ToolUseShare = shares[5],
            ToolResultFeedbackShare = shares[5],
            TemplateShare = shares[4],
            AccountAgeDaysAtFirstUse = 100 * shares[3],
        };

    [Fact]
    public void FittedRiskWeightsAreNeverNegativeAndMitigationsNeverPositiveWhateverTheData()
    {
        var sets = Gen.Select(AnyAccount, Gen.Bool).Array[4, 40]
            .Where(a => a.Any(x => x.Item2) && a.Any(x => !x.Item2))
            .Select(a => Set([.. a.Select((x, i) => (x.Item1 with { AccountId = new AccountId("a" + i) }, x.Item2))]));
        sets.Select(Gen.OneOf(0.0, 0.01, 1.0), Gen.OneOf(ClassWeighting.Balanced, ClassWeighting.None)).Sample((set, l2, weighting) =>
        {
            var p = HarvestModelTrainer.Train(set, TrainingOptions.Default with { L2 = l2, ClassWeighting = weighting }, ScoringParameters.Default).Parameters;
            p.Validate();
            return SignalWeights.AccountSignals.All(s => SignalWeights.HasAllowedSign(s, SignalWeights.Get(p, s)) && double.IsFinite(SignalWeights.Get(p, s)));
        }, iter: 200);
    }
}
