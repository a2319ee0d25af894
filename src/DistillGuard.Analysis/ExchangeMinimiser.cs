using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Privacy;

namespace DistillGuard.Analysis;

/// <summary>Reduces an exchange to what is kept long-term: keyed hashes, no text unless asked.</summary>
internal sealed class ExchangeMinimiser(KeyedHasher hasher, bool keepText)
{
    public StoredExchange Minimise(Exchange e, in ExchangeSignals signals) => new(
        e.EventId,
        e.Timestamp,
        e.AccountId,
        e.Model,
        e.ConversationId,
        e.TurnIndex,
        e.InputTokens,
        e.OutputTokens,
        e.ReasoningTokens,
        e.MaxTokens,
        e.Temperature,
        e.ToolsDeclared,
        e.ToolCalls,
        e.StopReason is { } stop ? ExchangeFields.ToContract(stop) : null,
        ExchangeFields.ToContract(e.Status),
        signals.Capability,
        signals.ElicitsReasoning,
        hasher.Hash(signals.PromptHash),
        hasher.Hash(signals.Template.Head),
        e.ClientIp is null ? null : hasher.Hash(e.ClientIp),
        ExchangeAttributes.NetworkPrefix(e.ClientIp) is { } network ? hasher.Hash(network) : null,
        e.Asn,
        e.Country,
        e.PaymentFingerprint is null ? null : hasher.Hash(e.PaymentFingerprint),
        keepText ? e.Prompt : null);
}
