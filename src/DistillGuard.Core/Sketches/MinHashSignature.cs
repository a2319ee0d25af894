namespace DistillGuard.Core.Sketches;

/// <summary>
/// One-permutation MinHash with densification-free empty bins: a set of 64-bit element hashes
/// is summarised in <see cref="Bins"/> 32-bit minima. Two signatures estimate the Jaccard
/// similarity of their sets as the share of non-empty bins that agree. Mergeable by bin-wise min.
/// </summary>
public sealed class MinHashSignature
{
    public const int Bins = 16;
    private const uint Empty = uint.MaxValue;
    private readonly uint[] _values = CreateEmpty();

    public ReadOnlySpan<uint> Values => _values;

    public bool IsEmpty => Array.TrueForAll(_values, static v => v == Empty);

    public void Add(ulong elementHash)
    {
        var mixed = StableHash.Combine(elementHash, 0x5DEECE66DUL);
        var bin = (int)(mixed >> 60);
        var value = (uint)(mixed & 0xFFFF_FFFE); // never equal to Empty
        if (value < _values[bin])
        {
            _values[bin] = value;
        }
    }

    public void Merge(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < Bins; i++)
        {
            _values[i] = Math.Min(_values[i], other._values[i]);
        }
    }

    /// <summary>Estimated Jaccard similarity of the two underlying sets.</summary>
    public double Similarity(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int agree = 0, used = 0;
        for (var i = 0; i < Bins; i++)
        {
            if (_values[i] == Empty && other._values[i] == Empty)
            {
                continue;
            }

            used++;
            if (_values[i] == other._values[i])
            {
                agree++;
            }
        }

        return used == 0 ? 0 : (double)agree / used;
    }

    private static uint[] CreateEmpty()
    {
        var values = new uint[Bins];
        Array.Fill(values, Empty);
        return values;
    }
}
