using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace DistillGuard.Core.Sketches;

/// <summary>Fast, seedless, platform-stable 64-bit hashes (XxHash3) for in-memory sketches.</summary>
public static class StableHash
{
    public static ulong Of(ReadOnlySpan<char> text) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text));

    public static ulong Of(string? text) => text is null ? 0UL : Of(text.AsSpan());

    /// <summary>Mixes two hashes into one (order matters).</summary>
    public static ulong Combine(ulong a, ulong b)
    {
        // splitmix64 finaliser over a rotated combination: cheap and well distributed.
        var x = a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2));
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
