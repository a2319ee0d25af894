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
    /// A folder whose files are never read as input: the run's own output folder, which may sit inside the input
    /// folder and holds the rejects file the run is appending to.
    /// </summary>
    public string? SkipFolder { get; init; }
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
