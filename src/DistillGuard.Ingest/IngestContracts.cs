namespace DistillGuard.Ingest;

/// <summary>A record that failed validation: where it was and why, in one human-readable line.</summary>
/// <param name="Line">1-based physical line where the record starts (JSONL, CSV) or 1-based row (Parquet).</param>
public sealed record RejectedRecord(string File, long Line, string Reason, string? EventId);

/// <summary>Counts of one ingest run; <c>Read == Accepted + Rejected + Duplicates</c> always holds.</summary>
public sealed record IngestCounts(long Read, long Accepted, long Rejected, long Duplicates);

/// <summary>Where rejected records go; the one side channel for expected record failures.</summary>
public interface IRejectSink
{
    void Add(RejectedRecord reject);
}

/// <summary>Options of the read → validate stage, with named defaults.</summary>
public sealed record IngestOptions
{
    /// <summary>The contract's largest accepted record: 64 MiB of raw bytes.</summary>
    public const int DefaultMaxRecordBytes = 64 * 1024 * 1024;

    public static IngestOptions Default { get; } = new();

    /// <summary>Records (lines) longer than this are rejected without being buffered whole.</summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    /// <summary>Initial read buffer of the line splitter; it grows up to <see cref="MaxRecordBytes"/>.</summary>
    public int ReadBufferBytes { get; init; } = 1 << 20;

    /// <summary>
    /// JSON Lines blocks parsed at once on the thread pool; 1 parses on the reading thread. Output does not depend on it:
    /// blocks come back in file order. Default: one per processor.
    /// </summary>
    public int ParseWorkers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Line text per block handed to a parser: 1 MiB (about a thousand 1 KB records), large enough that handing a block
    /// over costs nothing beside parsing it, small enough that a few blocks per worker in flight stay a few MiB.
    /// </summary>
    public int BlockBytes { get; init; } = 1 << 20;

    /// <summary>Lines per block at most (many short lines): 4,096.</summary>
    public int BlockLines { get; init; } = 4096;

    /// <summary>
    /// A folder whose files are never read as input: the run's own output folder, which may sit inside the input
    /// folder and holds the rejects file the run is appending to.
    /// </summary>
    public string? SkipFolder { get; init; }

    /// <summary>When a record's timestamp may plausibly be; a record outside it is rejected with the reason.</summary>
    public TimestampWindow Window { get; init; } = TimestampWindow.Default;
}

/// <summary>
/// The plausible span of exchange timestamps. A record from year 1 or 9999 is a corrupt export, not traffic, and one such
/// record would stretch every daily timeline across millennia or overflow date arithmetic at the calendar's edge.
/// </summary>
/// <param name="Earliest">The first plausible instant; default 2000-01-01, before any LLM API served traffic.</param>
/// <param name="Latest">The last plausible instant; default none (the host sets now plus a day, allowing for clock skew).</param>
public sealed record TimestampWindow(DateTimeOffset Earliest, DateTimeOffset? Latest)
{
    public static TimestampWindow Default { get; } = new(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), null);

    /// <summary>Allowance past the host's clock for a record's timestamp: clocks drift, and logs carry other zones' times.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromDays(1);

    /// <summary>The default window, ending a day after <paramref name="now"/>.</summary>
    public static TimestampWindow Until(DateTimeOffset now) => Default with { Latest = now + ClockSkew };

    /// <summary>Why <paramref name="timestamp"/> is outside the window; null when it is inside.</summary>
    public string? Reason(DateTimeOffset timestamp) =>
        timestamp < Earliest || (Latest is { } latest && timestamp > latest)
            ? $"timestamp outside the analysis window ({Stamp(Earliest)} to {(Latest is { } end ? Stamp(end) : "no end")})"
            : null;

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A file that cannot be read at all (missing, unreadable, not gzip, not Parquet); names the file and the cause.</summary>
public sealed class InputFileException : Exception
{
    public InputFileException() { }

    public InputFileException(string message) : base(message) { }

    public InputFileException(string message, Exception innerException) : base(message, innerException) { }

    public InputFileException(string path, string cause, Exception? innerException)
        : base($"cannot read input file '{path}': {cause}", innerException)
    {
        FilePath = path;
    }

    /// <summary>The file that could not be read.</summary>
    public string? FilePath { get; }
}
