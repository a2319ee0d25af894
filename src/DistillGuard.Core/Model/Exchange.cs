namespace DistillGuard.Core.Model;

/// <summary>Why the model stopped generating, as the contract spells it.</summary>
public enum StopReason
{
    Unknown = 0,
    EndTurn,
    MaxTokens,
    ToolUse,
    StopSequence,
    Refusal,
}

/// <summary>Outcome of a call; <c>ok</c> when the log omits it.</summary>
public enum ExchangeStatus
{
    Ok = 0,
    Error,
    Refused,
}

/// <summary>
/// One accepted exchange (one model call) of the input contract, validated.
/// Field meanings are those of <c>shared/spec/EXCHANGE_LOG.md</c>.
/// </summary>
public sealed record Exchange
{
    public required string EventId { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public required AccountId AccountId { get; init; }
    public string? OrganizationId { get; init; }
    public string? ApiKeyId { get; init; }
    public DateTimeOffset? AccountCreatedAt { get; init; }
    public string? EmailDomain { get; init; }
    public string? PaymentFingerprint { get; init; }
    public string? ClientIp { get; init; }
    public long? Asn { get; init; }
    public string? Country { get; init; }
    public string? UserAgent { get; init; }
    public required string Model { get; init; }
    public string? ConversationId { get; init; }
    public int? TurnIndex { get; init; }
    public string? SystemPrompt { get; init; }
    public required string Prompt { get; init; }
    public required long InputTokens { get; init; }
    public required long OutputTokens { get; init; }
    public long? ReasoningTokens { get; init; }
    public long? MaxTokens { get; init; }
    public double? Temperature { get; init; }
    public int? ToolsDeclared { get; init; }
    public int? ToolCalls { get; init; }
    public StopReason? StopReason { get; init; }
    public ExchangeStatus Status { get; init; }
}
