using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.IO.Hashing;
using System.Text;
using DistillGuard.Sharing.Keys;

namespace DistillGuard.Sharing.Fingerprints;

/// <summary>
/// A keyed locality-sensitive fingerprint of a wrapper (template) text: a MinHash signature over word
/// 3-shingles whose hash functions are keyed, cut into LSH bands, each band emitted as an HMAC.
/// Paraphrased or re-padded wrappers share some bands under the same key; without the key nothing matches.
/// </summary>
/// <param name="Bands">The band hashes, band <c>i</c> at index <c>i</c>; empty for a text without words.</param>
public sealed record TemplateFingerprint(IReadOnlyList<string> Bands)
{
    /// <summary>MinHash values per signature.</summary>
    public const int SignatureSize = 64;

    /// <summary>
    /// Rows per band. One row per band (64 bands) makes each band collide with probability J for shingle
    /// Jaccard similarity J, so the share of matched bands estimates J: about 0.3 for the same operator's
    /// wrapper phrased differently at two providers, near 0 for unrelated wrappers. (Two rows per band
    /// would square that: a paraphrase at J≈0.3 would share only about 3 of 32 bands.)
    /// </summary>
    public const int RowsPerBand = 1;

    /// <summary>Bands per signature.</summary>
    public const int BandCount = SignatureSize / RowsPerBand;

    private static readonly TemplateFingerprint Empty = new([]);

    /// <summary>The fingerprint of one template text under <paramref name="key"/>.</summary>
    public static TemplateFingerprint Compute(SharingKey key, string text) => Compute(key, text, static _ => true);

    /// <summary>
    /// The fingerprint of the shingles of <paramref name="text"/> that <paramref name="keep"/> accepts:
    /// a provider drops the shingles common among its own users ("step by step") so that the bands
    /// describe what is distinctive in a wrapper.
    /// </summary>
    public static TemplateFingerprint Compute(SharingKey key, string text, Func<ulong, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(keep);
        var shingles = Shingles(text);
        shingles.RemoveWhere(s => !keep(s));
        return Compute(key, shingles);
    }

    /// <summary>
    /// The fingerprint of a set of shingles (see <see cref="Shingles"/>), such as the part of an account's
    /// prompts that recurs while the payload changes: its wrapper.
    /// </summary>
    public static TemplateFingerprint Compute(SharingKey key, IReadOnlyCollection<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(shingles);
        if (shingles.Count == 0)
        {
            return Empty;
        }

        var seeds = RowSeeds.For(key);
        var signature = new ulong[SignatureSize];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var row = 0; row < SignatureSize; row++)
            {
                var value = Mix(shingle ^ seeds[row]);
                if (value < signature[row])
                {
                    signature[row] = value;
                }
            }
        }

        var bands = new string[BandCount];
        Span<byte> input = stackalloc byte[4 + 8 * RowsPerBand];
        for (var band = 0; band < BandCount; band++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(input, band);
            for (var r = 0; r < RowsPerBand; r++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(input[(4 + 8 * r)..], signature[band * RowsPerBand + r]);
            }

            bands[band] = Convert.ToHexStringLower(key.Mac(input).AsSpan(0, 16));
        }

        return new TemplateFingerprint(bands);
    }

    /// <summary>Lower-case words (letters and digits), as the fingerprint sees a text.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>Unkeyed 64-bit hashes of the word 3-shingles (a text of one or two words is one shingle); in memory only.</summary>
    public static HashSet<ulong> Shingles(string text)
    {
        var words = Words(text);
        var shingles = new HashSet<ulong>();
        if (words.Count == 0)
        {
            return shingles;
        }

        var width = Math.Min(3, words.Count);
        for (var i = 0; i + width <= words.Count; i++)
        {
            var joined = string.Join(' ', words.GetRange(i, width));
            shingles.Add(XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(joined)));
        }

        return shingles;
    }

    /// <summary>SplitMix64 finaliser: a bijection on 64 bits, so XOR with a keyed seed then mixing is a keyed permutation.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }

    /// <summary>Per-row seeds HMAC(key, "minhash:" + row), cached per key.</summary>
    private static class RowSeeds
    {
        private static readonly ConditionalWeakTable<SharingKey, ulong[]> Cache = new();

        public static ulong[] For(SharingKey key) => Cache.GetValue(key, Derive);

        private static ulong[] Derive(SharingKey key)
        {
            var seeds = new ulong[SignatureSize];
            for (var row = 0; row < SignatureSize; row++)
            {
                var mac = key.Mac(Encoding.UTF8.GetBytes("minhash:" + row.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                seeds[row] = BinaryPrimitives.ReadUInt64LittleEndian(mac);
            }

            return seeds;
        }
    }
}
