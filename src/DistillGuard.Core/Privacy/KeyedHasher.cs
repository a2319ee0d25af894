using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DistillGuard.Core.Privacy;

/// <summary>
/// Keyed 64-bit hashes (truncated HMAC-SHA256) for what is stored long-term: without the key,
/// nobody can test guesses of an IP, a payment fingerprint or a prompt against the store.
/// </summary>
public sealed class KeyedHasher : IDisposable
{
    public const int MinKeyBytes = 32;
    private readonly ThreadLocal<IncrementalHash> _perThread;

    public KeyedHasher(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"a hashing key needs at least {MinKeyBytes} bytes, got {key.Length}", nameof(key));
        }

        var copy = key.ToArray();
        _perThread = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, copy));
    }

    public ulong Hash(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        var max = Encoding.UTF8.GetMaxByteCount(Math.Min(value.Length, 4096));
        if (value.Length > 4096)
        {
            return Hash(Encoding.UTF8.GetBytes(value));
        }

        Span<byte> buffer = stackalloc byte[max];
        var written = Encoding.UTF8.GetBytes(value, buffer);
        return Hash(buffer[..written]);
    }

    public ulong Hash(ReadOnlySpan<byte> value)
    {
        // One reusable HMAC context per thread: creating one per call costs more than hashing.
        var hmac = _perThread.Value!;
        hmac.AppendData(value);
        Span<byte> mac = stackalloc byte[32];
        hmac.GetHashAndReset(mac);
        return BinaryPrimitives.ReadUInt64LittleEndian(mac);
    }

    /// <summary>A keyed hash of a 64-bit value (used for prompts: the HMAC of their fast hash).</summary>
    public ulong Hash(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return Hash(bytes);
    }

    public void Dispose() => _perThread.Dispose();
}
