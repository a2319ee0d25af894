namespace DistillGuard.Core.Model;

/// <summary>
/// The minimised form of an exchange that is kept long-term: keyed hashes instead of
/// prompt text, IPs and payment data. <see cref="PromptText"/> is kept only on request.
/// </summary>
public sealed record StoredExchange(
    string EventId,
    DateTimeOffset Timestamp,
    AccountId AccountId,
    string Model,
    string? ConversationId,
    int? TurnIndex,
    long InputTokens,
    long OutputTokens,
    long? ReasoningTokens,
    long? MaxTokens,
    double? Temperature,
    int? ToolsDeclared,
    int? ToolCalls,
    string? StopReason,
    string Status,
    Capability Capability,
    bool ElicitsReasoning,
    ulong PromptHash,
    ulong TemplateHash,
    ulong? ClientIpHash,
    ulong? NetworkHash,
    long? Asn,
    string? Country,
    ulong? PaymentHash,
    string? PromptText);
