using System.IO.Hashing;
using System.Text;

namespace DistillGuard.Ingest.Formats;

/// <summary>
/// The strings of values that recur from record to record (an account's id, card, address, client, model), one
/// instance per distinct value instead of one per record: a direct-mapped table keyed by a hash of the UTF-8 bytes, the
/// bytes compared in full on a hit. One table per parsing thread, so no lock is taken; a value that collides with
/// another simply replaces it. Strings are immutable, so sharing an instance changes nothing a reader of the record sees.
/// </summary>
internal sealed class Utf8StringCache
{
    /// <summary>Entries of the table: a power of two, a few times the distinct values a block of records carries.</summary>
    public const int Entries = 4096;

    /// <summary>Longer values (a whole system prompt) are still cached; longer than this they are made afresh.</summary>
    public const int MaxBytes = 1024;

    [ThreadStatic]
    private static Utf8StringCache? _forThread;

    private readonly Entry[] _entries = new Entry[Entries];

    /// <summary>The calling thread's table.</summary>
    public static Utf8StringCache ForThread => _forThread ??= new Utf8StringCache();

    /// <summary>The string of valid UTF-8 <paramref name="utf8"/>: the cached instance when the same bytes were seen last in its slot.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        ref var entry = ref _entries[(int)(XxHash3.HashToUInt64(utf8) & (Entries - 1))];
        if (entry.Text is { } cached && (entry.Utf8 is null ? Ascii.Equals(utf8, cached) : utf8.SequenceEqual(entry.Utf8)))
        {
            return cached;
        }

        // An ASCII value (nearly all are) is compared with its string, so a miss keeps no copy of its bytes.
        var text = Encoding.UTF8.GetString(utf8);
        entry = new Entry(Ascii.IsValid(utf8) ? null : utf8.ToArray(), text);
        return text;
    }

    private readonly record struct Entry(byte[]? Utf8, string Text);
}
