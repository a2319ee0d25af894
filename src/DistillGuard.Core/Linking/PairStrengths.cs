namespace DistillGuard.Core.Linking;

/// <summary>Accumulated link strength of account pairs (by position, smaller first).</summary>
internal sealed class PairStrengths
{
    private readonly Dictionary<(int, int), double> _pairs = [];
    private readonly Dictionary<(int, int), double> _identity = [];
    private readonly Dictionary<int, List<(int Other, (int, int) Pair)>> _byAccount = [];

    public IEnumerable<KeyValuePair<(int, int), double>> All => _pairs.OrderBy(p => p.Key);

    public void Add(int a, int b, double weight, bool identity)
    {
        var key = a < b ? (a, b) : (b, a);
        if (identity)
        {
            _identity[key] = _identity.GetValueOrDefault(key) + weight;
        }

        if (_pairs.TryGetValue(key, out var current))
        {
            _pairs[key] = current + weight;
            return;
        }

        _pairs[key] = weight;
        Index(a, b, key);
        Index(b, a, key);
    }

    /// <summary>The identity and infrastructure part of a pair's strength.</summary>
    public double Identity(int a, int b) => _identity.GetValueOrDefault(a < b ? (a, b) : (b, a));

    /// <summary>The member of a set an account is most strongly linked to, and how strongly (-1 when none).</summary>
    public (int Other, double Strength) StrongestPartner(int account, HashSet<int> members)
    {
        var best = (Other: -1, Strength: 0.0);
        if (_byAccount.TryGetValue(account, out var list))
        {
            foreach (var (other, pair) in list)
            {
                var strength = _pairs[pair];
                if (members.Contains(other) && (strength > best.Strength || (strength == best.Strength && other < best.Other)))
                {
                    best = (other, strength);
                }
            }
        }

        return best;
    }

    /// <summary>The strongest link from an account to another member of a set.</summary>
    public double Strongest(int account, HashSet<int> members)
    {
        if (!_byAccount.TryGetValue(account, out var list))
        {
            return 0;
        }

        var best = 0.0;
        foreach (var (other, pair) in list)
        {
            if (members.Contains(other))
            {
                best = Math.Max(best, _pairs[pair]);
            }
        }

        return best;
    }

    private void Index(int account, int other, (int, int) key)
    {
        if (!_byAccount.TryGetValue(account, out var list))
        {
            list = [];
            _byAccount[account] = list;
        }

        list.Add((other, key));
    }
}
