using System.Collections.Concurrent;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Privacy;

namespace DistillGuard.Analysis;

/// <summary>
/// Reduces an exchange to what is kept long-term: keyed hashes, no text unless asked.
/// Thread-safe. Identity values (IPs, networks, payment fingerprints) repeat heavily, so their
/// keyed hashes are memoised in a bounded cache.
/// </summary>
internal sealed class ExchangeMinimiser(KeyedHasher hasher, bool keepText)
{
    private const int MaxCached = 1 << 20;
    private readonly ConcurrentDictionary<string, ulong> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Minimises a batch: the prompt and wrapper hashes of the whole batch are keyed in one call
    /// (<see cref="KeyedHasher.HashValues"/>), which is what makes keying affordable per exchange.
    /// </summary>
    public StoredExchange[] Minimise(Exchange[] batch, ExchangeSignals[] signals)
    {
        var keyed = new ulong[batch.Length * 2];
        for (var i = 0; i < batch.Length; i++)
        {
            keyed[2 * i] = signals[i].PromptHash;
            keyed[(2 * i) + 1] = signals[i].Template.Head;
        }

        hasher.HashValues(keyed, keyed);
        var stored = new StoredExchange[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            stored[i] = Minimise(batch[i], signals[i], keyed[2 * i], keyed[(2 * i) + 1]);
        }

        return stored;
    }

    private StoredExchange Minimise(Exchange e, in ExchangeSignals signals, ulong promptHash, ulong templateHash) => new(
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
        promptHash,
        templateHash,
        Identity("ip:", e.ClientIp),
        Identity("net:", ExchangeAttributes.NetworkPrefix(e.ClientIp)),
        e.Asn,
        e.Country,
        Identity("pay:", e.PaymentFingerprint),
        keepText ? e.Prompt : null);

    private ulong? Identity(string kind, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var key = kind + value;
        if (_cache.TryGetValue(key, out var hash))
        {
            return hash;
        }

        hash = hasher.Hash(key);
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache.TryAdd(key, hash);
        return hash;
    }
}
