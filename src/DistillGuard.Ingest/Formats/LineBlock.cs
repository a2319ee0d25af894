using System.Buffers;
using DistillGuard.Ingest.Validation;

namespace DistillGuard.Ingest.Formats;

/// <summary>
/// A run of consecutive lines of one file, copied out of the reader's buffer so that a parser on another thread can
/// work on them while the next block is read. Each entry keeps its exact 1-based line number; an entry may instead
/// carry an outcome the reader decided itself (an oversized line, a line cut by a compressed-stream break, the break).
/// The bytes come from the shared pool and go back when the block is parsed.
/// </summary>
internal sealed class LineBlock
{
    private readonly List<Entry> _entries = [];
    private byte[] _bytes;
    private int _used;

    public LineBlock(int capacity) => _bytes = ArrayPool<byte>.Shared.Rent(capacity);

    /// <summary>Bytes of line text held.</summary>
    public int Bytes => _used;

    /// <summary>Entries held (lines to parse plus outcomes already decided).</summary>
    public int Count => _entries.Count;

    public void AddLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        if (_used + line.Length > _bytes.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _used + line.Length));
            _bytes.AsSpan(0, _used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = bigger;
        }

        line.CopyTo(_bytes.AsSpan(_used));
        _entries.Add(new Entry(_used, line.Length, lineNumber, null));
        _used += line.Length;
    }

    public void AddDecided(RecordOutcome outcome) => _entries.Add(new Entry(0, 0, outcome.Line, outcome));

    /// <summary>Parses and validates every line, in order, and returns the pooled bytes; the block is spent after this.</summary>
    public RecordOutcome[] Parse()
    {
        var outcomes = new List<RecordOutcome>(_entries.Count);
        var record = new RawRecord();
        foreach (var entry in _entries)
        {
            if (entry.Decided is { } decided)
            {
                outcomes.Add(decided);
                continue;
            }

            var error = JsonlRecordParser.Parse(_bytes.AsSpan(entry.Offset, entry.Length), record);
            outcomes.Add(new RecordOutcome(entry.Line, error is null ? ExchangeValidator.Validate(record) : ValidationResult.Reject(error, null)));
        }

        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        return [.. outcomes];
    }

    private readonly record struct Entry(int Offset, int Length, long Line, RecordOutcome? Decided);
}
