using System.Buffers;
using DistillGuard.Ingest.Validation;

namespace DistillGuard.Ingest.Formats;

/// <summary>
/// A run of consecutive lines of one file, copied out of the reader's buffer so that a parser on another thread can
/// work on them while the next block is read. Each entry keeps its exact 1-based line number; an entry may instead
/// carry an outcome the reader decided itself (an oversized line, a line cut by a compressed-stream break, the break).
/// The bytes and the entries come from the shared pools and go back when the block is parsed, so a block allocates
/// nothing per line but its outcomes.
/// </summary>
internal sealed class LineBlock
{
    private byte[] _bytes;
    private Entry[] _entries;
    private List<RecordOutcome>? _decided;
    private int _used;
    private int _count;

    public LineBlock(int byteCapacity, int lineCapacity)
    {
        _bytes = ArrayPool<byte>.Shared.Rent(byteCapacity);
        _entries = ArrayPool<Entry>.Shared.Rent(lineCapacity);
    }

    /// <summary>Bytes of line text held.</summary>
    public int Bytes => _used;

    /// <summary>Entries held (lines to parse plus outcomes already decided).</summary>
    public int Count => _count;

    /// <summary>Whether a line of <paramref name="length"/> bytes fits beside the lines held without a larger buffer.</summary>
    public bool Fits(int length) => _used + length <= _bytes.Length;

    public void AddLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        if (!Fits(line.Length))
        {
            // Only a line longer than a whole block gets here (the reader starts a new block before one that does not fit).
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _used + line.Length));
            _bytes.AsSpan(0, _used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = bigger;
        }

        line.CopyTo(_bytes.AsSpan(_used));
        Append(new Entry(_used, line.Length, lineNumber));
        _used += line.Length;
    }

    public void AddDecided(RecordOutcome outcome)
    {
        _decided ??= [];
        _decided.Add(outcome);
        Append(new Entry(_decided.Count - 1, Entry.DecidedLength, outcome.Line));
    }

    /// <summary>Parses and validates every line, in order, and returns the pooled arrays; the block is spent after this.</summary>
    public RecordOutcome[] Parse()
    {
        var outcomes = new RecordOutcome[_count];
        var record = new RawRecord();
        for (var i = 0; i < _count; i++)
        {
            var entry = _entries[i];
            if (entry.Length == Entry.DecidedLength)
            {
                outcomes[i] = _decided![entry.Offset];
                continue;
            }

            var error = JsonlRecordParser.Parse(_bytes.AsSpan(entry.Offset, entry.Length), record);
            outcomes[i] = new RecordOutcome(entry.Line, error is null ? ExchangeValidator.Validate(record) : ValidationResult.Reject(error, null));
        }

        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<Entry>.Shared.Return(_entries);
        (_bytes, _entries) = ([], []);
        return outcomes;
    }

    private void Append(Entry entry)
    {
        if (_count == _entries.Length)
        {
            var bigger = ArrayPool<Entry>.Shared.Rent(_entries.Length * 2);
            _entries.AsSpan(0, _count).CopyTo(bigger);
            ArrayPool<Entry>.Shared.Return(_entries);
            _entries = bigger;
        }

        _entries[_count++] = entry;
    }

    /// <summary>A line's place in the bytes, or (with <see cref="DecidedLength"/>) the index of an outcome already decided.</summary>
    private readonly record struct Entry(int Offset, int Length, long Line)
    {
        public const int DecidedLength = -1;
    }
}
