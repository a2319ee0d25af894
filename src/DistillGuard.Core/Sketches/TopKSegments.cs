namespace DistillGuard.Core.Sketches;

/// <summary>
/// Several small Misra–Gries heavy-hitter lists packed into two shared arrays, one segment
/// per attribute, so a per-account state pays for two array headers rather than one per list.
/// </summary>
public sealed class TopKSegments
{
    private readonly ulong[] _keys;
    private readonly int[] _counts;
    private readonly int[] _offsets;

    /// <param name="capacities">Capacity of each segment, in segment order.</param>
    public TopKSegments(ReadOnlySpan<int> capacities)
    {
        _offsets = new int[capacities.Length + 1];
        for (var i = 0; i < capacities.Length; i++)
        {
            _offsets[i + 1] = _offsets[i] + capacities[i];
        }

        _keys = new ulong[_offsets[^1]];
        _counts = new int[_offsets[^1]];
    }

    /// <summary>
    /// Counts <paramref name="key"/> in a segment (Misra–Gries: when the segment is full, every
    /// count drops by one instead). Counts never overestimate, and undercount by at most
    /// total/(capacity+1), so a reported share is a safe lower bound. Key 0 means "absent".
    /// </summary>
    public void Add(int segment, ulong key, int count = 1)
    {
        if (key == 0)
        {
            return;
        }

        var keys = _keys.AsSpan(_offsets[segment], _offsets[segment + 1] - _offsets[segment]);
        var counts = _counts.AsSpan(_offsets[segment], keys.Length);
        var free = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (counts[i] > 0 && keys[i] == key)
            {
                counts[i] += count;
                return;
            }

            if (counts[i] == 0 && free < 0)
            {
                free = i;
            }
        }

        if (free >= 0)
        {
            keys[free] = key;
            counts[free] = count;
            return;
        }

        var decrement = count;
        for (var i = 0; i < counts.Length; i++)
        {
            decrement = Math.Min(decrement, counts[i]);
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] -= decrement;
        }

        if (count > decrement)
        {
            Add(segment, key, count - decrement);
        }
    }

    /// <summary>Entries of a segment, heaviest first (ties by key).</summary>
    public IReadOnlyList<(ulong Key, int Count)> Top(int segment)
    {
        var list = new List<(ulong Key, int Count)>();
        for (var i = _offsets[segment]; i < _offsets[segment + 1]; i++)
        {
            if (_counts[i] > 0)
            {
                list.Add((_keys[i], _counts[i]));
            }
        }

        list.Sort(static (a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : a.Key.CompareTo(b.Key));
        return list;
    }

    public int MaxCount(int segment)
    {
        var max = 0;
        for (var i = _offsets[segment]; i < _offsets[segment + 1]; i++)
        {
            max = Math.Max(max, _counts[i]);
        }

        return max;
    }

    public void Merge(TopKSegments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var s = 0; s < _offsets.Length - 1; s++)
        {
            foreach (var (key, count) in other.Top(s))
            {
                Add(s, key, count);
            }
        }
    }

    /// <summary>Bytes held by the two arrays (for the per-account memory budget).</summary>
    public int PayloadBytes => (_keys.Length * 8) + (_counts.Length * 4);

    /// <summary>Writes keys and counts; the capacities are the constructor's (<see cref="Features.AccountStateCodec"/>).</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(_keys.Length);
        foreach (var key in _keys)
        {
            writer.Write(key);
        }

        foreach (var count in _counts)
        {
            writer.Write(count);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote into this empty sketch of the same capacities.</summary>
    internal void Read(BinaryReader reader)
    {
        StateCodec.Expect(reader.ReadInt32(), _keys.Length, "attribute sketch size");
        for (var i = 0; i < _keys.Length; i++)
        {
            _keys[i] = reader.ReadUInt64();
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] = reader.ReadInt32();
        }
    }
}
