using System.Buffers;
using System.IO.Hashing;
using System.Numerics;
using System.Text;

namespace DistillGuard.Ingest.Dedup;

/// <summary>
/// Set of seen event ids kept as 64-bit XxHash3 hashes of their UTF-8 bytes in an open-addressing table
/// (8 bytes a slot, load ≤ 3/4), so tens of millions of ids fit in a few hundred MB.
/// Collision risk: with n ids the chance that any two distinct ids share a hash is about n²/2⁶⁵;
/// for n = 5×10⁷ that is ≈ 7×10⁻⁵ per run, and a collision only miscounts one record as a duplicate.
/// </summary>
public sealed class EventIdSet
{
    private ulong[] _slots = new ulong[1 << 16];
    private int _count;
    private bool _hasZero; // 0 marks an empty slot, so the (unlikely) zero hash is kept aside

    public int Count => _count + (_hasZero ? 1 : 0);

    /// <summary>Whether the id (or an id with the same hash) is present.</summary>
    public bool Contains(string id)
    {
        var hash = Hash(id);
        if (hash == 0)
        {
            return _hasZero;
        }

        var mask = _slots.Length - 1;
        var i = Home(_slots, hash);
        while (_slots[i] != 0)
        {
            if (_slots[i] == hash)
            {
                return true;
            }

            i = (i + 1) & mask;
        }

        return false;
    }

    /// <summary>Adds the id; false when it (or an id with the same hash) was already present.</summary>
    public bool Add(string id)
    {
        var hash = Hash(id);
        if (hash == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }

        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        if (!Insert(_slots, hash))
        {
            return false;
        }

        _count++;
        return true;
    }

    internal static ulong Hash(string id)
    {
        var max = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (max <= 512)
        {
            Span<byte> small = stackalloc byte[512];
            var n = Encoding.UTF8.GetBytes(id, small);
            return XxHash3.HashToUInt64(small[..n]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = Encoding.UTF8.GetBytes(id, rented);
            return XxHash3.HashToUInt64(rented.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static bool Insert(ulong[] slots, ulong hash)
    {
        var mask = slots.Length - 1;
        var i = Home(slots, hash);
        while (true)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                slots[i] = hash;
                return true;
            }

            if (slot == hash)
            {
                return false;
            }

            i = (i + 1) & mask;
        }
    }

    // Fibonacci scrambling of the high bits spreads clustered hashes; linear probing after that.
    private static int Home(ulong[] slots, ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> (64 - BitOperations.Log2((uint)slots.Length)));

    private void Grow()
    {
        var bigger = new ulong[_slots.Length * 2];
        foreach (var hash in _slots)
        {
            if (hash != 0)
            {
                Insert(bigger, hash);
            }
        }

        _slots = bigger;
    }
}
