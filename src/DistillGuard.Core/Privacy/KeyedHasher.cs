using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DistillGuard.Core.Privacy;

/// <summary>
/// Keyed 64-bit hashes (truncated HMAC-SHA256) for what is stored long-term: without the key,
/// nobody can test guesses of an IP, a payment fingerprint or a prompt against the store.
/// </summary>
public sealed class KeyedHasher
{
    public const int MinKeyBytes = 32;
    private readonly byte[] _key;

    public KeyedHasher(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"a hashing key needs at least {MinKeyBytes} bytes, got {key.Length}", nameof(key));
        }

        _key = key.ToArray();
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
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, value, mac);
        return BinaryPrimitives.ReadUInt64LittleEndian(mac);
    }

    /// <summary>A keyed hash of a 64-bit value (used for prompts: the HMAC of their fast hash).</summary>
    public ulong Hash(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return Hash(bytes);
    }
}
