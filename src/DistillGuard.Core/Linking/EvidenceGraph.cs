using DistillGuard.Core.Model;

namespace DistillGuard.Core.Linking;

/// <summary>
/// The evidence the linker weighed: every candidate pair's strength, the shared values behind it
/// and how rare each is, and the timing evidence. Kept after linking so that each linked account's
/// edges can be listed (explain, the store) without holding a per-kind breakdown of every pair.
/// </summary>
public sealed class EvidenceGraph
{
    private readonly LinkCandidate[] _ordered;
    private readonly bool[] _isCandidate;
    private readonly Dictionary<ValueKey, List<int>> _buckets;
    private readonly PairStrengths _pairs;
    private readonly TemporalPairs _temporal;
    private readonly LinkerOptions _options;
    private readonly Dictionary<AccountId, int> _position;

    // How many of each shared value's carriers are candidates: counted once, the first time edges are listed, instead of
    // once per account that carries the value (a crowd address's thousands of carriers each walked it).
    private readonly Lazy<Dictionary<ValueKey, int>> _candidateCarriers;

    internal EvidenceGraph(
        LinkCandidate[] ordered, bool[] isCandidate, Dictionary<ValueKey, List<int>> buckets, PairStrengths pairs, TemporalPairs temporal, LinkerOptions options)
    {
        _ordered = ordered;
        _isCandidate = isCandidate;
        _buckets = buckets;
        _pairs = pairs;
        _temporal = temporal;
        _options = options;
        _position = new Dictionary<AccountId, int>(ordered.Length);
        for (var i = 0; i < ordered.Length; i++)
        {
            _position[ordered[i].State.AccountId] = i;
        }

        OrdinaryPopulation = isCandidate.Count(c => !c);
        _candidateCarriers = new(() => _buckets.ToDictionary(b => b.Key, b => b.Value.Count(m => _isCandidate[m])));
    }

    /// <summary>Accounts in the run that are not harvest candidates (the denominator of rarity).</summary>
    public int OrdinaryPopulation { get; }

    /// <summary>Timing notes (lockstep and succession pairs) found.</summary>
    public int TemporalPairs => _temporal.Count;

    /// <summary>
    /// The account's edges, one per shared value or timing pattern, to its strongest partners (by pair strength, then
    /// id): whole partners, as many as fit in <paramref name="maxEdges"/> edges, and always the strongest one (its edges
    /// are as many as the kinds of evidence the pair shares). Empty for an account the linker never saw.
    /// </summary>
    public AccountEdges EdgesOf(AccountId account, int maxEdges)
    {
        if (!_position.TryGetValue(account, out var i))
        {
            return new AccountEdges(account, 0, []);
        }

        var partners = _pairs.Partners(i).ToList();
        var ranked = partners
            .OrderByDescending(p => p.Strength)
            .ThenBy(p => p.Other);
        var shared = SharedValues(i);
        var edges = new List<LinkEdge>();
        foreach (var (other, strength) in ranked)
        {
            var first = edges.Count;
            var otherId = _ordered[other].State.AccountId;
            foreach (var (key, members, candidates) in shared)
            {
                if (members.BinarySearch(other) >= 0)
                {
                    edges.Add(new LinkEdge(account, otherId, key.Kind, _options.KindWeights.Of(key.Kind), strength, key.Value,
                        new ValueRarity(members.Count, members.Count - candidates, OrdinaryPopulation), 0));
                }
            }

            foreach (var note in _temporal.Of(i, other))
            {
                edges.Add(new LinkEdge(account, otherId, note.Kind, note.Weight, strength, 0, note.Rarity, note.Detail));
            }

            if (edges.Count > maxEdges && first > 0)
            {
                // This partner's edges do not fit whole: it is left out with every weaker one.
                edges.RemoveRange(first, edges.Count - first);
                break;
            }

            if (edges.Count >= maxEdges)
            {
                break;
            }
        }

        return new AccountEdges(account, partners.Count, edges);
    }

    /// <summary>The values an account carries that count as evidence (mostly candidates carry them), strongest kind first.</summary>
    private List<(ValueKey Key, List<int> Members, int Candidates)> SharedValues(int account)
    {
        var shared = new List<(ValueKey Key, List<int> Members, int Candidates)>();
        foreach (var key in ValueIndex.KeysOf(_ordered[account].State).Distinct())
        {
            if (!_buckets.TryGetValue(key, out var members))
            {
                continue;
            }

            var candidates = _candidateCarriers.Value[key];
            if (LinkKinds.Binds(key.Kind, candidates, members.Count, _options.MinPurity))
            {
                shared.Add((key, members, candidates));
            }
        }

        return [.. shared.OrderByDescending(s => _options.KindWeights.Of(s.Key.Kind)).ThenBy(s => s.Key.Kind)];
    }
}
