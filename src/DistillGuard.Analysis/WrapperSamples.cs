using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Analysis;

/// <summary>
/// Keeps, per account, the openings of at most <see cref="PerAccount"/> of its framed prompts: those whose
/// prompt hash, keyed with a secret salt, ranks lowest. The choice so depends on which prompts an account
/// sent, not on their order, and a sender cannot aim a prompt at it. The text lives only in memory during
/// the run; nothing of it is stored.
/// </summary>
internal sealed class WrapperSamples(ulong salt)
{
    /// <summary>Openings kept per account.</summary>
    public const int PerAccount = 2;

    /// <summary>
    /// Words of a prompt's opening: where a wrapper's persona and first demands sit, before the item. Sixteen
    /// separated operators better than twelve or twenty-four on the tuning seeds (docs/performance.md), and
    /// the model's time grows faster than linearly with length.
    /// </summary>
    public const int HeadWords = 16;

    private readonly Dictionary<AccountId, Slots> _accounts = [];

    /// <summary>Takes over the accounts of another sample of the same run that holds other accounts (a partition's).</summary>
    public void Absorb(WrapperSamples other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (account, kept) in other._accounts)
        {
            _accounts.Add(account, kept);
        }
    }

    public void Add(Exchange exchange, in ExchangeSignals signals)
    {
        if (!WrapperText.MayFrame(signals))
        {
            return;
        }

        var rank = StableHash.Combine(signals.PromptHash, salt);
        if (!_accounts.TryGetValue(exchange.AccountId, out var slots))
        {
            slots = new Slots();
            _accounts[exchange.AccountId] = slots;
        }

        // Cut the text only for a prompt that would be kept: a handful of times per account.
        if (slots.Admits(rank) && WrapperText.Head(exchange.Prompt, HeadWords) is { } head && WrapperText.HasWrapperLength(head))
        {
            slots.Offer(rank, head);
        }
    }

    /// <summary>An account's kept openings with their ranks (none if it sent no framed prompt).</summary>
    public IEnumerable<WrapperSample> Of(AccountId account) =>
        _accounts.TryGetValue(account, out var slots) ? slots.Samples() : [];

    /// <summary>Two (rank, text) pairs ordered by rank; a rank already held (the same prompt again) is not taken twice.</summary>
    private sealed class Slots
    {
        private WrapperSample? _first;
        private WrapperSample? _second;

        public bool Admits(ulong rank) =>
            _second is not { } second || (rank < second.Rank && rank != _first!.Value.Rank);

        public void Offer(ulong rank, string text)
        {
            var sample = new WrapperSample(rank, text);
            if (_first is not { } first)
            {
                _first = sample;
            }
            else if (rank == first.Rank || rank == _second?.Rank)
            {
                return;
            }
            else if (rank < first.Rank)
            {
                (_first, _second) = (sample, first);
            }
            else
            {
                _second = sample;
            }
        }

        public IEnumerable<WrapperSample> Samples()
        {
            if (_first is { } first)
            {
                yield return first;
            }

            if (_second is { } second)
            {
                yield return second;
            }
        }
    }
}

/// <summary>One sampled prompt opening and its keyed rank (lower ranks are chosen first).</summary>
internal readonly record struct WrapperSample(ulong Rank, string Text);
