using DistillGuard.Core.Model;
using DistillGuard.Core.Training;

namespace DistillGuard.Core.Tests;

/// <summary>Test data for training: accounts whose features set chosen signals, and labelled sets of them.</summary>
internal static class TrainingData
{
    /// <summary>An account with quiet traffic except where the arguments say otherwise.</summary>
    public static AccountFeatures Account(
        string id, double elicitation = 0, double harvestShare = 0, double meanTurn = 0, double hourEntropy = 0,
        double reasoningTokens = 0, double meanOutput = 60) => new()
        {
            AccountId = new AccountId(id),
            Exchanges = 40,
            FirstSeen = DateTimeOffset.UnixEpoch,
            LastSeen = DateTimeOffset.UnixEpoch.AddDays(3),
            ActiveDays = 3,
            ExchangesPerActiveDay = 5,
            HourEntropy = hourEntropy,
            ActiveHourShare = hourEntropy,
            GapRegularity = 1,
            MedianGapSeconds = 60,
            InputTokens = 4000,
            OutputTokens = 2400,
            ReasoningTokens = 0,
            OutputInputRatio = 0.6,
            MeanOutputTokens = meanOutput,
            MeanReasoningTokens = reasoningTokens,
            ReasoningShare = 0,
            MeanMaxTokens = 0,
            MaxTokensSetShare = 0,
            TruncatedShare = 0,
            ZeroTemperatureShare = 0,
            MeanTurnIndex = meanTurn,
            MaxTurnIndex = (int)meanTurn,
            FirstTurnShare = 0.3,
            ToolUseShare = 0,
            ToolResultFeedbackShare = 0,
            FollowUpShare = 0.7,
            AccountAgeDaysAtFirstUse = 365,
            ReasoningElicitationShare = elicitation,
            HarvestCapabilityShare = harvestShare,
            CapabilityMix = new double[Capabilities.Count],
            DistinctPromptShare = 0.5,
            TemplateShare = 0,
            ErrorShare = 0,
        };

    public static AccountLabel Label(string id, bool campaign) => new(new AccountId(id), campaign, campaign ? "camp-1" : null, null);

    public static TrainingSet Set(params (AccountFeatures Features, bool Harvester)[] accounts) =>
        new([.. accounts.Select(a => new LabelledAccount(a.Features, a.Harvester))], 0);
}
