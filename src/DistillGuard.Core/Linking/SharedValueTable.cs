namespace DistillGuard.Core.Linking;

/// <summary>
/// The counting values each candidate carries, numbered in the order the linker visits them, with each value's
/// weight, whether it is identity, and, for a value joined as a star (too common to read pair by pair), its centre:
/// such a value counts only for pairs that include the centre. Lets a pair's strength be summed from what the two
/// accounts share, in the same order whatever put the pair forward.
/// </summary>
internal sealed class SharedValueTable
{
    private readonly List<double> _weight = [];
    private readonly List<bool> _identity = [];
    private readonly List<int> _centre = [];
    private readonly List<long> _entries = [];
    private int[] _rowStart = [];
    private int[] _values = [];

    /// <summary>Registers a value carried by <paramref name="carriers"/>; <paramref name="centre"/> is -1 unless it counts only for pairs with that account.</summary>
    public void Add(int[] carriers, double weight, bool identity, int centre)
    {
        var id = _weight.Count;
        _weight.Add(weight);
        _identity.Add(identity);
        _centre.Add(centre);
        foreach (var account in carriers)
        {
            _entries.Add(((long)account << 32) | (uint)id);
        }
    }

    /// <summary>Freezes the table into rows per account (values ascending); call once, before <see cref="Shared"/>.</summary>
    public void Seal(int count)
    {
        _entries.Sort();
        _rowStart = new int[count + 1];
        _values = new int[_entries.Count];
        for (var e = 0; e < _entries.Count; e++)
        {
            _rowStart[(int)(_entries[e] >> 32) + 1]++;
            _values[e] = (int)(_entries[e] & 0xFFFF_FFFF);
        }

        for (var i = 0; i < count; i++)
        {
            _rowStart[i + 1] += _rowStart[i];
        }

        _entries.Clear();
        _entries.TrimExcess();
    }

    /// <summary>The summed weight of the values two accounts share, and its identity part, added in value order.</summary>
    public (double Strength, double Identity) Shared(int a, int b)
    {
        var (strength, identity) = (0.0, 0.0);
        var (x, xEnd) = (_rowStart[a], _rowStart[a + 1]);
        var (y, yEnd) = (_rowStart[b], _rowStart[b + 1]);
        while (x < xEnd && y < yEnd)
        {
            var (u, v) = (_values[x], _values[y]);
            if (u != v)
            {
                if (u < v)
                {
                    x++;
                }
                else
                {
                    y++;
                }

                continue;
            }

            var centre = _centre[u];
            if (centre < 0 || centre == a || centre == b)
            {
                strength += _weight[u];
                identity += _identity[u] ? _weight[u] : 0;
            }

            x++;
            y++;
        }

        return (strength, identity);
    }
}
