using System.Numerics;

namespace DistillGuard.Core.Sketches;

/// <summary>
/// Distinct counts in eight bytes: a 64-bit bitmap with linear counting (n ≈ −64·ln(empty/64)). Close at
/// small counts (about ±10% at 30) and saturating near 266 when every bit is set, which is all "one person
/// or a crowd of clients" needs. Mergeable by bitwise or.
/// </summary>
public struct LinearCounter64 : IEquatable<LinearCounter64>
{
    private const int Bits = 64;

    /// <summary>The estimate once every bit is set: the counter can say no more than "at least this many".</summary>
    public static readonly double Saturated = Bits * Math.Log(Bits);

    private ulong _bits;

    public readonly bool IsEmpty => _bits == 0;

    /// <summary>Bits set: a lower bound on the distinct values added, read without a logarithm.</summary>
    public readonly int BitsSet => BitOperations.PopCount(_bits);

    public void Add(ulong hash) => _bits |= 1UL << (int)(hash >> 58);

    public void Merge(LinearCounter64 other) => _bits |= other._bits;

    public readonly double Estimate()
    {
        var empty = Bits - BitOperations.PopCount(_bits);
        return empty == 0 ? Saturated : -Bits * Math.Log(empty / (double)Bits);
    }

    public readonly bool Equals(LinearCounter64 other) => _bits == other._bits;

    public override readonly bool Equals(object? obj) => obj is LinearCounter64 other && Equals(other);

    public override readonly int GetHashCode() => _bits.GetHashCode();

    public static bool operator ==(LinearCounter64 left, LinearCounter64 right) => left.Equals(right);

    public static bool operator !=(LinearCounter64 left, LinearCounter64 right) => !left.Equals(right);

    /// <summary>The bitmap, for <see cref="Features.AccountStateCodec"/>.</summary>
    internal readonly ulong Bitmap => _bits;

    /// <summary>A counter holding the bitmap <see cref="Bitmap"/> gave.</summary>
    internal static LinearCounter64 FromBitmap(ulong bits) => new() { _bits = bits };
}
