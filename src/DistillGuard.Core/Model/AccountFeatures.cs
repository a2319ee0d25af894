namespace DistillGuard.Core.Model;

/// <summary>
/// Typed per-account features, derived from the account's mergeable state.
/// Shares are in [0,1]; counts are whole exchanges.
/// </summary>
public sealed record AccountFeatures
{
    public required AccountId AccountId { get; init; }
    public string? OrganizationId { get; init; }

    // Volume and intensity.
    public required long Exchanges { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }
    public required double ActiveDays { get; init; }
    public required double ExchangesPerActiveDay { get; init; }

    // Timing.
    /// <summary>Normalised entropy of the UTC hour-of-day histogram (1 = flat, round the clock).</summary>
    public required double HourEntropy { get; init; }
    /// <summary>Share of the 24 hours with any activity.</summary>
    public required double ActiveHourShare { get; init; }
    /// <summary>Coefficient of variation of log inter-arrival gaps (low = machine-regular).</summary>
    public required double GapRegularity { get; init; }
    public required double MedianGapSeconds { get; init; }

    // Token economics.
    public required long InputTokens { get; init; }
    public required long OutputTokens { get; init; }
    public required long ReasoningTokens { get; init; }
    public required double OutputInputRatio { get; init; }
    public required double MeanOutputTokens { get; init; }
    public required double MeanReasoningTokens { get; init; }
    /// <summary>Share of exchanges that requested extended thinking.</summary>
    public required double ReasoningShare { get; init; }
    public required double MeanMaxTokens { get; init; }
    /// <summary>Share of exchanges that set max_tokens.</summary>
    public required double MaxTokensSetShare { get; init; }
    /// <summary>Share of exchanges stopped by the max_tokens cap.</summary>
    public required double TruncatedShare { get; init; }
    public required double ZeroTemperatureShare { get; init; }

    // Conversation shape.
    public required double MeanTurnIndex { get; init; }
    public required int MaxTurnIndex { get; init; }
    /// <summary>Share of exchanges that open a new task (turn 0 or no conversation).</summary>
    public required double FirstTurnShare { get; init; }
    public required double ToolUseShare { get; init; }
    /// <summary>Share of tool-use answers whose result was fed back in a later turn.</summary>
    public required double ToolResultFeedbackShare { get; init; }
    public required double FollowUpShare { get; init; }

    // Account.
    public double? AccountAgeDaysAtFirstUse { get; init; }

    // Content.
    public required double ReasoningElicitationShare { get; init; }
    public required double HarvestCapabilityShare { get; init; }
    public required IReadOnlyList<double> CapabilityMix { get; init; }
    /// <summary>Estimated distinct prompts / exchanges.</summary>
    public required double DistinctPromptShare { get; init; }
    /// <summary>Share of the tasks the account opens (first turns) that carry its dominant frame (<see cref="Similarity.TemplateKeys"/>).</summary>
    public required double TemplateShare { get; init; }
    public required double ErrorShare { get; init; }

    // Who is behind the account.
    /// <summary>Estimated distinct clients (user agents) the account's requests came from.</summary>
    public double DistinctClients { get; init; }
    /// <summary>Share of follow-up turns sent while another of the account's conversations was the latest: threads open at once.</summary>
    public double InterleavedShare { get; init; }

    /// <summary>
    /// The most harvest-like of the clients (user agents) that each send at least a tenth of the account's traffic
    /// (<see cref="Sketches.ClientSlices"/>): the share it sends (0 when none qualifies), and the shares of its
    /// requests that open a new harvest-capability task asking for written-out reasoning, and that open one at all.
    /// </summary>
    public double LeadClientShare { get; init; }
    public double LeadClientElicitationShare { get; init; }
    public double LeadClientCapabilityShare { get; init; }

    // How the turns were known.
    /// <summary>Share of follow-up turns whose place in a conversation was read from the history they resend, the log having no turn numbers (<see cref="Features.ResentContext"/>).</summary>
    public double InferredTurnShare { get; init; }

    /// <summary>Evidence the log did not carry for this account, which detection would otherwise read.</summary>
    public LogGaps Gaps { get; init; }
}

/// <summary>Kinds of evidence an exchange log may lack for an account.</summary>
[Flags]
public enum LogGaps
{
    None = 0,

    /// <summary>No payment fingerprint, client address, e-mail domain or organisation on any exchange: nothing to link on but content and time.</summary>
    Identity = 1,

    /// <summary>No account creation time: no account age, no sign-up wave or burst.</summary>
    CreationTime = 2,
}
