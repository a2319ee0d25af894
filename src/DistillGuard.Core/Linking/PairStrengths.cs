namespace DistillGuard.Core.Linking;

/// <summary>
/// Summed link strength of the candidate pairs (by position), built once from the pairs the linker chose to read
/// (<see cref="CandidatePairs"/>) and the values each account counts (<see cref="SharedValueTable"/>). A pair's
/// strength is exact: every counting value the two accounts share adds to it, whichever value put the pair forward.
/// Stored as arrays (pair keys sorted, partners per account in compressed rows) rather than dictionaries of tuples:
/// about 40 bytes a pair.
/// </summary>
internal sealed class PairStrengths
{
    private readonly long[] _keys;
    private readonly double[] _strength;
    private readonly double[] _identity;
    private readonly int[] _rowStart;
    private readonly int[] _partner;
    private readonly int[] _pairOf;

    private PairStrengths(long[] keys, double[] strength, double[] identity, int[] rowStart, int[] partner, int[] pairOf)
    {
        _keys = keys;
        _strength = strength;
        _identity = identity;
        _rowStart = rowStart;
        _partner = partner;
        _pairOf = pairOf;
    }

    /// <summary>Pairs with evidence.</summary>
    public int Count => _keys.Length;

    /// <summary>Every pair, smaller position first, in ascending order.</summary>
    public IEnumerable<(int A, int B)> Keys => _keys.Select(Unpack);

    /// <summary>
    /// Builds the strengths of <paramref name="candidates"/> (packed pairs, duplicates allowed): per pair, the weights
    /// of the values both carry in value order (identity kinds also into the identity part), then its timing notes.
    /// </summary>
    public static PairStrengths Build(int count, PairList candidates, SharedValueTable values, TemporalPairs temporal)
    {
        var keys = candidates.SortedDistinct();
        var strength = new double[keys.Length];
        var identity = new double[keys.Length];
        for (var p = 0; p < keys.Length; p++)
        {
            var (a, b) = Unpack(keys[p]);
            (strength[p], identity[p]) = values.Shared(a, b);
            foreach (var note in temporal.Of(a, b))
            {
                strength[p] += note.Weight;
            }
        }

        var (rowStart, partner, pairOf) = Rows(count, keys);
        return new PairStrengths(keys, strength, identity, rowStart, partner, pairOf);
    }

    /// <summary>The summed strength of a pair (0 when the pair shares nothing).</summary>
    public double Strength(int a, int b) => Find(a, b) is var p and >= 0 ? _strength[p] : 0;

    /// <summary>The identity and infrastructure part of a pair's strength.</summary>
    public double Identity(int a, int b) => Find(a, b) is var p and >= 0 ? _identity[p] : 0;

    /// <summary>Whether a pair's evidence joins it: strong enough, with enough of it identity or infrastructure.</summary>
    public bool Joins(int a, int b, LinkerOptions options) =>
        Find(a, b) is var p and >= 0 && _strength[p] >= options.JoinStrength && _identity[p] >= options.MinIdentityStrength;

    /// <summary>Every account an account shares evidence with, and the pair's strength (partners ascending).</summary>
    public IEnumerable<(int Other, double Strength)> Partners(int account)
    {
        for (var r = _rowStart[account]; r < _rowStart[account + 1]; r++)
        {
            yield return (_partner[r], _strength[_pairOf[r]]);
        }
    }

    /// <summary>The member of a set an account is most strongly linked to, and how strongly (-1 when none).</summary>
    public (int Other, double Strength) StrongestPartner(int account, HashSet<int> members)
    {
        var best = (Other: -1, Strength: 0.0);
        for (var r = _rowStart[account]; r < _rowStart[account + 1]; r++)
        {
            var (other, strength) = (_partner[r], _strength[_pairOf[r]]);
            if (members.Contains(other) && (strength > best.Strength || (strength == best.Strength && other < best.Other)))
            {
                best = (other, strength);
            }
        }

        return best;
    }

    /// <summary>The strongest link from an account to another member of a set.</summary>
    public double Strongest(int account, HashSet<int> members)
    {
        var best = 0.0;
        for (var r = _rowStart[account]; r < _rowStart[account + 1]; r++)
        {
            if (members.Contains(_partner[r]))
            {
                best = Math.Max(best, _strength[_pairOf[r]]);
            }
        }

        return best;
    }

    internal static long Pack(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private static (int A, int B) Unpack(long key) => ((int)(key >> 32), (int)(key & 0xFFFF_FFFF));

    private int Find(int a, int b)
    {
        var index = Array.BinarySearch(_keys, Pack(a, b));
        return index >= 0 ? index : -1;
    }

    /// <summary>Each account's partners, ascending, with the index of the pair: compressed rows over the sorted keys.</summary>
    private static (int[] RowStart, int[] Partner, int[] PairOf) Rows(int count, long[] keys)
    {
        var rowStart = new int[count + 1];
        foreach (var key in keys)
        {
            var (a, b) = Unpack(key);
            rowStart[a + 1]++;
            rowStart[b + 1]++;
        }

        for (var i = 0; i < count; i++)
        {
            rowStart[i + 1] += rowStart[i];
        }

        var next = rowStart[..count];
        var partner = new int[2 * keys.Length];
        var pairOf = new int[2 * keys.Length];

        // Keys ascend by (a, b): a row fills first with its smaller partners (as the b of earlier keys), then its larger ones, in order.
        for (var p = 0; p < keys.Length; p++)
        {
            var (a, b) = Unpack(keys[p]);
            partner[next[b]] = a;
            pairOf[next[b]++] = p;
        }

        for (var p = 0; p < keys.Length; p++)
        {
            var (a, b) = Unpack(keys[p]);
            partner[next[a]] = b;
            pairOf[next[a]++] = p;
        }

        return (rowStart, partner, pairOf);
    }
}
