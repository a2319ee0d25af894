using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DistillGuard.Core.Privacy;

/// <summary>
/// Keyed 64-bit hashes for what is stored long-term: without the key, nobody can test guesses of
/// an IP, a payment fingerprint or a prompt against the store. Texts are keyed with truncated
/// HMAC-SHA256. Values that are already 64-bit hashes (a prompt's fast hash, a wrapper's) are
/// keyed with AES-256 as a pseudo-random permutation of one block (the value and a fixed domain
/// tag), truncated to 64 bits: a batch of them is one cipher call, where one HMAC each cost a
/// third of the whole analysis (docs/performance.md).
/// </summary>
public sealed class KeyedHasher : IDisposable
{
    public const int MinKeyBytes = 32;
    private const int Block = 16;
    private static readonly byte[] ValueKeyLabel = "distillguard/keyed-u64/aes-256/v1"u8.ToArray();
    private static readonly byte[] ValueDomain = "dg-u64\0\0"u8.ToArray();
    private readonly ThreadLocal<IncrementalHash> _perThread;
    private readonly ThreadLocal<Aes> _cipher;

    public KeyedHasher(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"a hashing key needs at least {MinKeyBytes} bytes, got {key.Length}", nameof(key));
        }

        var copy = key.ToArray();
        _perThread = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, copy));
        // The cipher key is derived from the hashing key, so one key file still governs everything.
        var cipherKey = HMACSHA256.HashData(copy, ValueKeyLabel);
        _cipher = new ThreadLocal<Aes>(() =>
        {
            var aes = Aes.Create();
            aes.Key = cipherKey;
            return aes;
        }, trackAllValues: true);
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

    /// <summary>A keyed hash of a 64-bit value; 0 (no value) stays 0. Equal to <see cref="HashValues"/> on one value.</summary>
    public ulong Hash(ulong value)
    {
        Span<ulong> one = [value];
        HashValues(one, one);
        return one[0];
    }

    /// <summary>
    /// Keyed hashes of many 64-bit values in one cipher call; 0 (no value) stays 0.
    /// <paramref name="destination"/> may be <paramref name="values"/> itself.
    /// </summary>
    public void HashValues(ReadOnlySpan<ulong> values, Span<ulong> destination)
    {
        if (destination.Length < values.Length)
        {
            throw new ArgumentException("the destination is shorter than the values", nameof(destination));
        }

        const int MaxStackBlocks = 64;
        var bytes = values.Length * Block;
        var onHeap = values.Length > MaxStackBlocks ? new byte[bytes * 2] : null;
        var plain = onHeap is null ? stackalloc byte[bytes] : onHeap.AsSpan(0, bytes);
        var sealedBlocks = onHeap is null ? stackalloc byte[bytes] : onHeap.AsSpan(bytes, bytes);
        for (var i = 0; i < values.Length; i++)
        {
            var block = plain.Slice(i * Block, Block);
            BinaryPrimitives.WriteUInt64LittleEndian(block, values[i]);
            ValueDomain.CopyTo(block[8..]);
        }

        _cipher.Value!.EncryptEcb(plain, sealedBlocks, PaddingMode.None);
        for (var i = 0; i < values.Length; i++)
        {
            destination[i] = values[i] == 0 ? 0 : BinaryPrimitives.ReadUInt64LittleEndian(sealedBlocks.Slice(i * Block, 8));
        }
    }

    public void Dispose()
    {
        _perThread.Dispose();
        foreach (var aes in _cipher.Values)
        {
            aes.Dispose();
        }

        _cipher.Dispose();
    }
}
