namespace DistillGuard.Core.Linking;

/// <summary>Accumulated link strength of account pairs (by position, smaller first).</summary>
internal sealed class PairStrengths
{
    private readonly Dictionary<(int, int), double> _pairs = [];
    private readonly Dictionary<(int, int), double> _identity = [];
    private readonly Dictionary<int, List<(int Other, (int, int) Pair)>> _byAccount = [];

    /// <summary>Every pair, in no particular order (for order-independent uses such as union-find).</summary>
    public IEnumerable<(int A, int B)> Keys => _pairs.Keys;

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

    /// <summary>The summed strength of a pair (0 when the pair shares nothing).</summary>
    public double Strength(int a, int b) => _pairs.GetValueOrDefault(a < b ? (a, b) : (b, a));

    /// <summary>Every account an account shares evidence with, and the pair's strength (in insertion order).</summary>
    public IEnumerable<(int Other, double Strength)> Partners(int account)
    {
        if (!_byAccount.TryGetValue(account, out var list))
        {
            yield break;
        }

        foreach (var (other, pair) in list)
        {
            yield return (other, _pairs[pair]);
        }
    }

    /// <summary>Whether a pair's evidence joins it: strong enough, with enough of it identity or infrastructure.</summary>
    public bool Joins(int a, int b, LinkerOptions options) =>
        Strength(a, b) >= options.JoinStrength && Identity(a, b) >= options.MinIdentityStrength;

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
