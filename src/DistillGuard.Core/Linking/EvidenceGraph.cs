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
    /// The account's edges to its strongest <paramref name="maxPartners"/> partners (by pair strength,
    /// then id), one per shared value or timing pattern; empty for an account the linker never saw.
    /// </summary>
    public AccountEdges EdgesOf(AccountId account, int maxPartners)
    {
        if (!_position.TryGetValue(account, out var i))
        {
            return new AccountEdges(account, 0, []);
        }

        var partners = _pairs.Partners(i).ToList();
        var kept = partners
            .OrderByDescending(p => p.Strength)
            .ThenBy(p => p.Other)
            .Take(maxPartners)
            .ToArray();
        var shared = SharedValues(i);
        var edges = new List<LinkEdge>();
        foreach (var (other, strength) in kept)
        {
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
