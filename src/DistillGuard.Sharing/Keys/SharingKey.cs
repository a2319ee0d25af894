using System.Security.Cryptography;
using System.Text;

namespace DistillGuard.Sharing.Keys;

/// <summary>The sharing group's secret: every keyed hash and fingerprint in a shared bundle is computed with it.</summary>
public sealed class SharingKey
{
    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinBytes = 32;

    private readonly byte[] _key;

    public SharingKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinBytes)
        {
            throw new ArgumentException($"a sharing key needs at least {MinBytes} bytes, got {key.Length}", nameof(key));
        }

        _key = key.ToArray();
        KeyId = Convert.ToHexStringLower(Mac(Encoding.UTF8.GetBytes("key-id:")).AsSpan(0, 8));
    }

    /// <summary>
    /// A public tag of the key (HMAC of a constant), so a peer can tell "another key" from "no overlap";
    /// it reveals nothing about the key itself.
    /// </summary>
    public string KeyId { get; }

    /// <summary>
    /// Reads a key file: hex text (64+ digits) or base64 text decoding to 32+ bytes is decoded, anything
    /// else is taken as raw bytes. Throws with the file's name when it is missing or too short.
    /// </summary>
    public static SharingKey FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"sharing key file '{path}' does not exist", path);
        }

        var raw = File.ReadAllBytes(path);
        var bytes = Decode(raw);
        if (bytes.Length < MinBytes)
        {
            throw new InvalidDataException(
                $"sharing key file '{path}' holds {bytes.Length} key bytes; at least {MinBytes} are required");
        }

        return new SharingKey(bytes);
    }

    /// <summary>HMAC-SHA256 of <paramref name="data"/> under the key (32 bytes).</summary>
    public byte[] Mac(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_key, data);

    /// <summary>HMAC-SHA256 of a UTF-8 string, truncated to 128 bits, as lower-case hex.</summary>
    public string Hash128(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(Mac(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    private static byte[] Decode(byte[] raw)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(raw).Trim();
        }
        catch (DecoderFallbackException)
        {
            return raw;
        }

        if (text.Length >= 2 * MinBytes && text.Length % 2 == 0 && text.All(Uri.IsHexDigit))
        {
            return Convert.FromHexString(text);
        }

        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var written) && written >= MinBytes)
        {
            return buffer[..written];
        }

        return raw;
    }
}
