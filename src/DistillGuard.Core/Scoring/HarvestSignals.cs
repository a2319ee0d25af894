using DistillGuard.Core.Model;

namespace DistillGuard.Core.Scoring;

/// <summary>
/// Maps features to [0,1] signals, each a monotone, saturating function of one behaviour, with
/// the sentence that explains it. Pure.
/// </summary>
public static class HarvestSignals
{
    /// <summary>Every per-account signal, one definition each, in the order the scorer adds them and a model file stores their weights.</summary>
    public static IReadOnlyList<SignalDefinition> Definitions { get; } =
    [
        new(SignalNames.ReasoningElicitation, SignalDirection.Risk, p => p.ReasoningElicitation, (p, w) => p with { ReasoningElicitation = w }, (f, c) => new(
            c.ElicitationShare.At(ByClient(f, f.ReasoningElicitationShare, f.LeadClientElicitationShare)),
            $"{Pct(f.ReasoningElicitationShare)} of prompts ask the model to write out its reasoning{FromLead(f, f.LeadClientElicitationShare, f.ReasoningElicitationShare, "a new harvest-capability task asking for the reasoning")}")),
        new(SignalNames.HarvestCapability, SignalDirection.Risk, p => p.HarvestCapability, (p, w) => p with { HarvestCapability = w }, (f, c) => new(
            c.CapabilityShare.At(ByClient(f, f.HarvestCapabilityShare, f.LeadClientCapabilityShare)),
            $"{Pct(f.HarvestCapabilityShare)} of prompts target coding, math, reasoning, agentic or planning skills{FromLead(f, f.LeadClientCapabilityShare, f.HarvestCapabilityShare, "a new task of these kinds")}")),
        new(SignalNames.Breadth, SignalDirection.Risk, p => p.Breadth, (p, w) => p with { Breadth = w }, (f, c) => new(
            c.TasksPerDay.At(f.ExchangesPerActiveDay * f.FirstTurnShare) * Clamp(f.DistinctPromptShare),
            $"{f.ExchangesPerActiveDay * f.FirstTurnShare:0.#} new, distinct tasks per active day ({Pct(f.FirstTurnShare)} of exchanges open one)")),
        new(SignalNames.OutputEconomics, SignalDirection.Risk, p => p.OutputEconomics, (p, w) => p with { OutputEconomics = w }, (f, c) => new(
            Math.Max(c.OutputInputRatio.At(f.OutputInputRatio), c.OutputTokens.At(f.MeanOutputTokens)),
            $"answers average {f.MeanOutputTokens:0} tokens, {f.OutputInputRatio:0.0}x the size of prompts")),
        new(SignalNames.MaxTokensPressure, SignalDirection.Risk, p => p.MaxTokensPressure, (p, w) => p with { MaxTokensPressure = w }, (f, c) => new(
            Math.Max(Clamp(f.MaxTokensSetShare) * c.MaxTokens.At(f.MeanMaxTokens), c.TruncatedShare.At(f.TruncatedShare)),
            $"max_tokens set on {Pct(f.MaxTokensSetShare)} of calls (mean {f.MeanMaxTokens:0}), {Pct(f.TruncatedShare)} cut off at the cap")),
        new(SignalNames.ReasoningBudget, SignalDirection.Risk, p => p.ReasoningBudget, (p, w) => p with { ReasoningBudget = w }, (f, c) => new(
            c.ReasoningTokens.At(f.MeanReasoningTokens),
            $"{f.MeanReasoningTokens:0} reasoning tokens per exchange on average")),
        new(SignalNames.RoundTheClock, SignalDirection.Risk, p => p.RoundTheClock, (p, w) => p with { RoundTheClock = w }, (f, c) => new(
            c.HourEntropy.At(f.HourEntropy) * c.ActiveDays.At(f.ActiveDays),
            $"active {Pct(f.ActiveHourShare)} of the hours of the day (entropy {f.HourEntropy:0.00})")),
        new(SignalNames.FreshAccount, SignalDirection.Risk, p => p.FreshAccount, (p, w) => p with { FreshAccount = w }, (f, c) => new(
            f.AccountAgeDaysAtFirstUse is not { } age ? 0 : c.Freshness(age),
            f.AccountAgeDaysAtFirstUse is not { } days ? "account age unknown" : $"first used {days:0.#} days after sign-up")),
        new(SignalNames.TemplateReuse, SignalDirection.Risk, p => p.TemplateReuse, (p, w) => p with { TemplateReuse = w }, (f, c) => new(
            c.TemplateShare.At(f.TemplateShare),
            $"{Pct(f.TemplateShare)} of the tasks it opens share one frame")),
        new(SignalNames.Volume, SignalDirection.Risk, p => p.Volume, (p, w) => p with { Volume = w }, (f, c) => new(
            c.ExchangesPerDay.At(f.ExchangesPerActiveDay),
            $"{f.ExchangesPerActiveDay:0} exchanges per active day")),
        new(SignalNames.ConversationDepth, SignalDirection.Mitigation, p => p.ConversationDepth, (p, w) => p with { ConversationDepth = w }, (f, c) => new(
            c.TurnDepth.At(f.MeanTurnIndex) * OwnTasks(f),
            $"conversations run {f.MeanTurnIndex:0.0} turns deep on average (max {f.MaxTurnIndex}){Inferred(f)}{Scripted(f, c)}")),
        new(SignalNames.ToolFeedback, SignalDirection.Mitigation, p => p.ToolFeedback, (p, w) => p with { ToolFeedback = w }, (f, c) => new(
            f.ToolUseShare < c.MinToolUseShare ? 0 : Clamp(f.ToolResultFeedbackShare) * c.TurnDepth.At(f.MeanTurnIndex) * OwnTasks(f),
            $"{Pct(f.ToolResultFeedbackShare)} of tool calls have their result fed back, in sessions {f.MeanTurnIndex:0.0} turns deep{Scripted(f, c)}")),
    ];

    /// <summary>Every per-account signal's value and evidence for one account, in <see cref="Definitions"/> order.</summary>
    public static IReadOnlyList<(string Name, double Value, string Evidence)> Of(AccountFeatures f, SignalCurves curves)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(curves);
        var result = new (string, double, string)[Definitions.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var reading = Definitions[i].Read(f, curves);
            result[i] = (Definitions[i].Id, reading.Value, reading.Evidence);
        }

        return result;
    }

    /// <summary>
    /// An account that fronts many people is read on what it carries, client by client: where its lead client (a tenth of
    /// the traffic or more, mostly sweeps: requests opening a harvest-capability task) has a larger share than the account
    /// as a whole, that client's share counts (the harvester's SDK among a reseller's customers). A person's account, and
    /// a reseller whose heaviest client carries whatever its users ask, are read whole.
    /// </summary>
    private static double ByClient(AccountFeatures f, double whole, double lead) => ReadsClients(f) ? Math.Max(whole, lead) : whole;

    /// <summary>
    /// Share of a client's requests that must open a harvest-capability task for the client to be read on its own: a
    /// script sweeping a dataset sends little else, while an app that many people use through a reseller carries
    /// whatever they ask (on a held-out run, such an app's requests opened capability tasks 42 % of the time, and read
    /// on its own it tipped an ordinary reseller pool into a campaign; docs/scoring.md).
    /// </summary>
    public const double MinSweepingShare = 0.5;

    private static bool ReadsClients(AccountFeatures f) =>
        MixedTraffic.Is(f) && f.LeadClientShare > 0 && f.LeadClientCapabilityShare >= MinSweepingShare;

    /// <summary>Names the client when its share is the one that counts.</summary>
    private static string FromLead(AccountFeatures f, double lead, double whole, string what) => ReadsClients(f) && lead > whole
        ? $"; one client that sends {Pct(f.LeadClientShare)} of the account's traffic opens {what} in {Pct(lead)} of its requests"
        : string.Empty;

    /// <summary>
    /// Share of the account's sessions that open on a task of their own, not in the account's one frame. Depth and
    /// tool feedback speak for a person or an agent working a problem through; an agent that opens every session
    /// on a new item behind the same preamble works a dataset through, however deep each session runs.
    /// </summary>
    private static double OwnTasks(AccountFeatures f) => 1 - Clamp(f.TemplateShare);

    /// <summary>Says how much of the depth counts when sessions open in one frame.</summary>
    private static string Scripted(AccountFeatures f, SignalCurves c) => f.TemplateShare >= c.TemplateShare.From
        ? $"; {Pct(f.TemplateShare)} of its sessions open in one frame, so depth counts for {Pct(OwnTasks(f))}"
        : string.Empty;

    internal static double Clamp(double x) => double.IsNaN(x) ? 0 : Math.Clamp(x, 0, 1);

    /// <summary>Says so when turns were read from the history each call resends rather than logged.</summary>
    private static string Inferred(AccountFeatures f) => f.InferredTurnShare > 0
        ? $", {Pct(f.InferredTurnShare)} of follow-ups placed by the history they resend (no turn numbers in the log)"
        : string.Empty;

    private static string Pct(double share) => share.ToString("P0", System.Globalization.CultureInfo.InvariantCulture);
}
