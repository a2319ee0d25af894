using System.Collections.Concurrent;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Privacy;

namespace DistillGuard.Analysis;

/// <summary>
/// Reduces an exchange to what is kept long-term: keyed hashes, no text unless asked.
/// Thread-safe. Identity values (IPs, networks, payment fingerprints) repeat heavily, so each distinct
/// value is keyed once (HMAC-SHA256 of its kind and value) and its hash memoised in a bounded cache per
/// kind; a hit costs one dictionary lookup on the value as parsed, with nothing allocated.
/// </summary>
internal sealed class ExchangeMinimiser(KeyedHasher hasher, bool keepText)
{
    private readonly IdentityCache _ips = new(hasher, "ip:");
    private readonly IdentityCache _networks = new(hasher, "net:");
    private readonly IdentityCache _payments = new(hasher, "pay:");

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
        _ips.Hash(e.ClientIp),
        _networks.Hash(ExchangeAttributes.NetworkPrefix(e.ClientIp)),
        e.Asn,
        e.Country,
        _payments.Hash(e.PaymentFingerprint),
        keepText ? e.Prompt : null);

    /// <summary>Keyed hashes of one kind of identity value, each distinct value keyed once while the cache holds it.</summary>
    private sealed class IdentityCache(KeyedHasher hasher, string kind)
    {
        /// <summary>Distinct values kept per kind: 2^20 entries (about 100 MB at worst); when full it starts again, which costs re-keying only.</summary>
        private const int MaxCached = 1 << 20;
        private readonly ConcurrentDictionary<string, ulong> _hashes = new(StringComparer.Ordinal);

        public ulong? Hash(string? value)
        {
            if (value is null)
            {
                return null;
            }

            if (_hashes.TryGetValue(value, out var hash))
            {
                return hash;
            }

            hash = hasher.Hash(kind + value);
            if (_hashes.Count >= MaxCached)
            {
                _hashes.Clear();
            }

            _hashes.TryAdd(value, hash);
            return hash;
        }
    }
}
