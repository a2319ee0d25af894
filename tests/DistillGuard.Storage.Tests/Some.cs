namespace DistillGuard.Storage.Tests;

using DistillGuard.Core.Model;

/// <summary>Test data: small, fully populated results, features and exchanges.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static RunInfo Run(string runId, string input = "logs/2026-03.jsonl.gz") => new(
        runId,
        Start,
        TimeSpan.FromMilliseconds(12_345),
        input,
        "dg-1.0",
        new RunCounts(Read: 1_010, Accepted: 1_000, Rejected: 7, Duplicates: 3));

    public static Reason Reason(string signal, double contribution, string evidence) =>
        new(signal, 0.75, contribution, evidence);

    public static AccountVerdict Verdict(
        string account, double score, Verdict verdict, string? campaign, params Reason[] reasons) =>
        new(new AccountId(account), score, verdict, campaign is null ? null : new CampaignId(campaign), 120, reasons);

    public static CampaignSummary Campaign(
        string id,
        string[] accounts,
        string[]? models = null,
        string[]? evidence = null) => new(
        new CampaignId(id),
        accounts.Select(a => new AccountId(a)).ToArray(),
        Exchanges: 900,
        FirstSeen: Start,
        LastSeen: Start.AddDays(2).AddHours(5),
        InputTokens: 450_000,
        OutputTokens: 1_800_000,
        ReasoningTokens: 300_000,
        CapabilityMix: new Dictionary<Capability, double>
        {
            [Capability.Coding] = 0.5,
            [Capability.Math] = 0.3,
            [Capability.Reasoning] = 0.2,
        },
        Models: models ?? ["model-large", "model-small"],
        Evidence: evidence ?? ["12 accounts share one payment fingerprint", "93% of prompts use one template"],
        Timeline:
        [
            new DailyCount(DateOnly.FromDateTime(Start.UtcDateTime), 300, 600_000),
            new DailyCount(DateOnly.FromDateTime(Start.UtcDateTime).AddDays(1), 350, 700_000),
            new DailyCount(DateOnly.FromDateTime(Start.UtcDateTime).AddDays(2), 250, 500_000),
        ]);

    public static AnalysisResult Result(string runId) => new(
        Run(runId),
        [
            Verdict("acct-a", 0.97, Core.Model.Verdict.Distillation, "C1",
                Reason("reasoning_elicitation", 2.1, "asks for step-by-step reasoning in 88% of prompts"),
                Reason("template_share", 1.4, "93% of prompts share one wrapper template"),
                Reason("hour_entropy", -0.2, "active round the clock")),
            Verdict("acct-b", 0.91, Core.Model.Verdict.Distillation, "C1",
                Reason("payment_shared", 1.9, "payment instrument shared with 11 accounts")),
            Verdict("acct-c", 0.05, Core.Model.Verdict.Benign, null),
        ],
        [Campaign("C1", ["acct-a", "acct-b"])]);

    public static AccountFeatures Features(string account, long exchanges = 120) => new()
    {
        AccountId = new AccountId(account),
        OrganizationId = "org-1",
        Exchanges = exchanges,
        FirstSeen = Start,
        LastSeen = Start.AddDays(2),
        ActiveDays = 3,
        ExchangesPerActiveDay = exchanges / 3.0,
        HourEntropy = 0.93,
        ActiveHourShare = 0.96,
        GapRegularity = 0.12,
        MedianGapSeconds = 41.5,
        InputTokens = 60_000,
        OutputTokens = 240_000,
        ReasoningTokens = 40_000,
        OutputInputRatio = 4,
        MeanOutputTokens = 2_000,
        MeanReasoningTokens = 333.3,
        ReasoningShare = 0.4,
        MeanMaxTokens = 4_096,
        MaxTokensSetShare = 1,
        TruncatedShare = 0.02,
        ZeroTemperatureShare = 0.9,
        MeanTurnIndex = 0.1,
        MaxTurnIndex = 2,
        FirstTurnShare = 0.95,
        ToolUseShare = 0.05,
        ToolResultFeedbackShare = 0,
        FollowUpShare = 0.01,
        AccountAgeDaysAtFirstUse = null,
        ReasoningElicitationShare = 0.88,
        HarvestCapabilityShare = 0.97,
        CapabilityMix = [0.5, 0.3, 0.15, 0.02, 0, 0.01, 0.01, 0.01, 0],
        DistinctPromptShare = 0.99,
        TemplateShare = 0.93,
        ErrorShare = 0.001,
    };

    public static StoredExchange Exchange(int i, string account = "acct-a", string? promptText = null) => new(
        EventId: "ev-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Timestamp: Start.AddSeconds(i),
        AccountId: new AccountId(account),
        Model: "model-large",
        ConversationId: i % 3 == 0 ? null : "conv-" + (i / 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
        TurnIndex: i % 3 == 0 ? null : i % 3,
        InputTokens: 500,
        OutputTokens: 2_000,
        ReasoningTokens: i % 2 == 0 ? 300 : null,
        MaxTokens: 4_096,
        Temperature: 0,
        ToolsDeclared: 0,
        ToolCalls: null,
        StopReason: "end_turn",
        Status: "ok",
        Capability: (Capability)(i % Capabilities.Count),
        ElicitsReasoning: i % 2 == 0,
        PromptHash: ulong.MaxValue - (ulong)i,
        TemplateHash: 0xDEADBEEF_00000000UL,
        ClientIpHash: (ulong)i * 7919UL,
        NetworkHash: null,
        Asn: 64_512,
        Country: "NL",
        PaymentHash: ulong.MaxValue,
        PromptText: promptText);

    /// <summary>A fresh directory under the temp folder, removed by the caller's <see cref="IDisposable"/>.</summary>
    public static TempDir TempDir() => new();
}

/// <summary>A temporary directory deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dg-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup must not fail the test.
        }
    }
}
