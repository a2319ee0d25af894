using System.Runtime.CompilerServices;
using DistillGuard.Core.Model;
using DistillGuard.Ingest.Validation;
using DistillGuard.Ingest.Dedup;
using DistillGuard.Ingest.Formats;

namespace DistillGuard.Ingest;

/// <summary>
/// The read → validate stage: streams accepted exchanges from a file or folder of exchange logs,
/// sends every rejected record to the reject sink and counts duplicates (first occurrence wins).
/// </summary>
public sealed class ExchangeLogReader
{
    private readonly IRejectSink _rejects;
    private readonly IngestOptions _options;
    private readonly EventIdSet _seen = new();
    private long _read;
    private long _accepted;
    private long _rejected;
    private long _duplicates;
    private long _bytesRead;
    private long _totalBytes;
    private readonly List<IncompleteInput> _incomplete = [];

    public ExchangeLogReader(IRejectSink rejects, IngestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rejects);
        _rejects = rejects;
        _options = options ?? IngestOptions.Default;
    }

    /// <summary>Live counters; safe to read from another thread while reading.</summary>
    public IngestCounts Counts => new(
        Interlocked.Read(ref _read), Interlocked.Read(ref _accepted), Interlocked.Read(ref _rejected), Interlocked.Read(ref _duplicates));

    /// <summary>Bytes of input files (compressed, as stored) consumed so far.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>
    /// Files whose compressed data broke part-way (cut short or corrupt), in reading order: the records before each break
    /// were read, counted and (when valid) accepted; the rest of the file is missing. Complete once reading has ended.
    /// </summary>
    public IReadOnlyList<IncompleteInput> IncompleteFiles => _incomplete;

    /// <summary>Total size of the input set, known once <see cref="ReadAsync"/> has started.</summary>
    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    /// <summary>
    /// Reads a file, or every .jsonl/.ndjson(.gz)/.csv/.parquet file under a folder in ordinal order.
    /// Throws <see cref="InputFileException"/> for a file that cannot be read at all.
    /// </summary>
    public async IAsyncEnumerable<Exchange> ReadAsync(string path, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var files = InputFiles.Enumerate(path, _options.SkipFolder);
        Interlocked.Add(ref _totalBytes, files.Sum(f => new FileInfo(f).Length));
        foreach (var file in files)
        {
            var (readBefore, acceptedBefore) = (Interlocked.Read(ref _read), Interlocked.Read(ref _accepted));
            await foreach (var outcome in ReadFile(file, ct).ConfigureAwait(false))
            {
                if (outcome.Break is { } broken)
                {
                    _incomplete.Add(new IncompleteInput(
                        file, broken.Kind == CompressedBreak.Truncated ? "truncated" : "corrupt", broken.CompressedOffset, broken.UncompressedOffset,
                        Interlocked.Read(ref _read) - readBefore, Interlocked.Read(ref _accepted) - acceptedBefore, broken.Message));
                    continue;
                }

                if (Admit(file, outcome) is { } exchange)
                {
                    yield return exchange;
                }
            }
        }
    }

    private IAsyncEnumerable<RecordOutcome> ReadFile(string file, CancellationToken ct)
    {
        Action<long> onBytes = n => Interlocked.Add(ref _bytesRead, n);
        return InputFiles.KindOf(file) switch
        {
            InputFiles.Kind.Jsonl => JsonlFormat.ReadAsync(file, gzip: false, _options, onBytes, ct),
            InputFiles.Kind.JsonlGzip => JsonlFormat.ReadAsync(file, gzip: true, _options, onBytes, ct),
            InputFiles.Kind.Csv => CsvFormat.ReadAsync(file, _options, onBytes, ct),
            InputFiles.Kind.Parquet => ParquetFormat.ReadAsync(file, _options, onBytes, ct),
            _ => throw new InputFileException(file, "unsupported extension", null),
        };
    }

    // Invariant: every outcome increments Read and exactly one of Accepted, Rejected, Duplicates.
    private Exchange? Admit(string file, RecordOutcome outcome)
    {
        Interlocked.Increment(ref _read);
        var result = ExchangeRecord.Windowed(outcome.Result, _options.Window);

        if (result.Exchange is not { } exchange)
        {
            Interlocked.Increment(ref _rejected);
            _rejects.Add(new RejectedRecord(file, outcome.Line, result.Reason ?? "invalid record", result.EventId));
            return null;
        }

        if (!_seen.Add(exchange.EventId))
        {
            Interlocked.Increment(ref _duplicates);
            return null;
        }

        Interlocked.Increment(ref _accepted);
        return exchange;
    }
}
