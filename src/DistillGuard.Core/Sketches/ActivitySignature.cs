using System.Runtime.CompilerServices;

namespace DistillGuard.Core.Sketches;

/// <summary>
/// The set of UTC hour-buckets an account was active in, summarised as a 16-bin one-permutation
/// MinHash with 16-bit values (32 bytes inline, no allocation) plus a count of active buckets:
/// two signatures estimate the Jaccard similarity of the accounts' active hours (lockstep). A
/// value is stored as 65,536 minus the bin's minimum, so the all-zero default is the empty set and
/// merging is a bin-wise maximum. The count is exact for time-ordered input (a bucket is counted
/// when the hour changes) and, after merging partial states of one account, for disjoint periods.
/// </summary>
public struct ActivitySignature
{
    public const int Bins = 16;

    /// <summary>Bins per locality-sensitive band: four bands of four bins.</summary>
    public const int BandWidth = 4;

    public const int Bands = Bins / BandWidth;

    private BinArray _bins;
    private int _lastHour;

    /// <summary>Distinct hour-buckets with activity.</summary>
    public int ActiveHours { get; private set; }

    /// <summary>Records activity at an absolute UTC hour number (hours since 0001-01-01).</summary>
    public void Add(int hour)
    {
        if (ActiveHours > 0 && hour == _lastHour)
        {
            return;
        }

        _lastHour = hour;
        ActiveHours++;
        var mixed = StableHash.Combine((ulong)hour, 0x4C6F636B73746570UL);
        var bin = (int)(mixed >> 60);
        var value = (ushort)(1 + ((mixed & 0xFFFF_FFFF) % ushort.MaxValue));
        if (value > _bins[bin])
        {
            _bins[bin] = value;
        }
    }

    /// <summary>Folds another signature in (bin-wise maximum; counts add, as for disjoint periods).</summary>
    public void Merge(in ActivitySignature other)
    {
        for (var i = 0; i < Bins; i++)
        {
            _bins[i] = Math.Max(_bins[i], other._bins[i]);
        }

        ActiveHours += other.ActiveHours;
        _lastHour = Math.Max(_lastHour, other._lastHour);
    }

    /// <summary>Estimated Jaccard similarity of the two sets of active hours: agreeing bins among those used by either.</summary>
    public readonly double Similarity(in ActivitySignature other)
    {
        int agree = 0, used = 0;
        for (var i = 0; i < Bins; i++)
        {
            if (_bins[i] == 0 && other._bins[i] == 0)
            {
                continue;
            }

            used++;
            if (_bins[i] == other._bins[i])
            {
                agree++;
            }
        }

        return used == 0 ? 0 : (double)agree / used;
    }

    /// <summary>The key of one band (its four bins packed), or 0 when a bin of the band is empty.</summary>
    public readonly ulong Band(int band)
    {
        ulong key = 0;
        for (var i = band * BandWidth; i < (band + 1) * BandWidth; i++)
        {
            if (_bins[i] == 0)
            {
                return 0;
            }

            key = (key << 16) | _bins[i];
        }

        return key;
    }

    /// <summary>Writes the bins, the last hour and the active-hour count (<see cref="Features.AccountStateCodec"/>).</summary>
    internal readonly void Write(BinaryWriter writer)
    {
        for (var i = 0; i < Bins; i++)
        {
            writer.Write(_bins[i]);
        }

        writer.Write(_lastHour);
        writer.Write(ActiveHours);
    }

    /// <summary>The signature <see cref="Write"/> wrote.</summary>
    internal static ActivitySignature Read(BinaryReader reader)
    {
        var signature = default(ActivitySignature);
        for (var i = 0; i < Bins; i++)
        {
            signature._bins[i] = reader.ReadUInt16();
        }

        signature._lastHour = reader.ReadInt32();
        signature.ActiveHours = reader.ReadInt32();
        return signature;
    }

    [InlineArray(Bins)]
    private struct BinArray
    {
        private ushort _first;
    }
}
