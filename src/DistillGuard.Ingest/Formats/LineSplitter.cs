using System.Buffers;

namespace DistillGuard.Ingest.Formats;

/// <summary>
/// Splits a byte stream into lines ('\n', with a trailing '\r' dropped) over one pooled buffer,
/// tracking 1-based line numbers. A line longer than the cap is skipped to its end without being
/// buffered whole and reported as <see cref="Oversized"/>.
/// </summary>
internal sealed class LineSplitter : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLine;
    private byte[] _buffer;
    private int _start;   // first byte of the pending line
    private int _scanned; // bytes of the pending line already searched for '\n'
    private int _end;     // end of valid data
    private bool _eof;
    private bool _skipping; // inside an oversized line, already counted

    public LineSplitter(Stream stream, int initialBuffer, int maxLine)
    {
        _stream = stream;
        _maxLine = maxLine;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(4096, Math.Min(initialBuffer, maxLine + 1)));
    }

    /// <summary>The current line, valid until the next call.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The current line exceeded the cap; <see cref="Current"/> is empty.</summary>
    public bool Oversized { get; private set; }

    public async ValueTask<bool> MoveNextAsync(CancellationToken ct)
    {
        Oversized = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + _scanned, _end - _start - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = _scanned + newline;
                Emit(_start, length);
                _start += length + 1;
                _scanned = 0;
                return true;
            }

            _scanned = _end - _start;
            if (_eof)
            {
                if (_end == _start)
                {
                    Current = ReadOnlyMemory<byte>.Empty;
                    return false;
                }

                Emit(_start, _end - _start);
                _start = _end;
                _scanned = 0;
                return true;
            }

            if (_end - _start > _maxLine)
            {
                await SkipRestOfLineAsync(ct).ConfigureAwait(false);
                return true;
            }

            MakeRoom();
            var n = await _stream.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
            if (n == 0)
            {
                _eof = true;
            }

            _end += n;
        }
    }

    /// <summary>
    /// After the stream broke (a read threw), the line it cut short, as the next line: its number, and whether it was an
    /// oversized line being skipped. False when the break fell between lines.
    /// </summary>
    public bool TakeCutLine(out long lineNumber, out bool oversized)
    {
        oversized = _skipping;
        if (_skipping)
        {
            _skipping = false;
            lineNumber = LineNumber;
            Current = ReadOnlyMemory<byte>.Empty;
            return true;
        }

        lineNumber = LineNumber + 1;
        if (_end == _start)
        {
            return false;
        }

        Emit(_start, _end - _start);
        oversized = Oversized;
        _start = _end;
        _scanned = 0;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Emit(int start, int length)
    {
        if (length > 0 && _buffer[start + length - 1] == (byte)'\r')
        {
            length--;
        }

        LineNumber++;
        if (length > _maxLine)
        {
            Oversized = true;
            Current = ReadOnlyMemory<byte>.Empty;
            return;
        }

        Current = _buffer.AsMemory(start, length);
    }

    private async ValueTask SkipRestOfLineAsync(CancellationToken ct)
    {
        LineNumber++;
        Oversized = true;
        Current = ReadOnlyMemory<byte>.Empty;
        _start = _end = _scanned = 0;
        _skipping = true;
        while (true)
        {
            var n = await _stream.ReadAsync(_buffer.AsMemory(), ct).ConfigureAwait(false);
            if (n == 0)
            {
                _eof = true;
                _skipping = false;
                return;
            }

            var newline = _buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                _end = n;
                _skipping = false;
                return;
            }
        }
    }

    // Compact the pending line to the front, or grow the buffer (up to just over the cap) when it is full.
    private void MakeRoom()
    {
        if (_start > 0)
        {
            var pending = _end - _start;
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _start = 0;
            _end = pending;
        }

        if (_end < _buffer.Length)
        {
            return;
        }

        var size = (int)Math.Min((long)_buffer.Length * 2, (long)_maxLine + 2);
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _end).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
