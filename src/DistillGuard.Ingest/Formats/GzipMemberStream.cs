using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace DistillGuard.Ingest.Formats;

/// <summary>
/// Decompresses a gzip file (RFC 1952) member by member and proves every member whole: its deflate data must end and be
/// followed by the 8-byte trailer holding the CRC-32 and the length (ISIZE) of exactly the bytes it produced. .NET's
/// <see cref="GZipStream"/> ends quietly when a file is cut (in the middle or at a flush point), so the file's own
/// framing is read here: the header by hand, the deflate data by a raw <see cref="DeflateStream"/> over a view of the
/// file that counts what it was handed, and the trailer looked for where that data ended. A file that breaks throws
/// <see cref="CompressedStreamBrokenException"/> with the compressed offset where it broke and the uncompressed offset
/// reached; every byte returned before it is the file's real content. Members follow one another (multi-member files,
/// such as concatenated or bgzip files, read whole); zero bytes after the last member are padding and ignored.
/// </summary>
internal sealed class GzipMemberStream : Stream
{
    private const byte Id1 = 0x1f;
    private const byte Id2 = 0x8b;
    private const byte Deflate = 8;
    private const int TrailerBytes = 8;

    private readonly FileStream _file;
    private readonly Action<long> _onBytes;
    private readonly long _length;
    private readonly Crc32 _crc = new();
    private readonly DeflateFeed _feed;
    private DeflateStream? _member;
    private long _memberStart;    // compressed offset of the current member's header
    private long _memberOutput;   // bytes the current member produced
    private long _nextMember;     // compressed offset where the next member (or the end) is
    private long _output;         // bytes produced by the whole file
    private long _reported;       // furthest compressed offset reported to onBytes
    private int _members;
    private bool _done;

    public GzipMemberStream(FileStream file, Action<long> onBytes)
    {
        _file = file;
        _onBytes = onBytes;
        _length = file.Length;
        _feed = new DeflateFeed(file, _length);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _output;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (!_done)
        {
            if (_member is null && !await BeginMemberAsync(cancellationToken).ConfigureAwait(false))
            {
                _done = true;
                break;
            }

            int n;
            try
            {
                n = await _member!.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw Broken(CompressedBreak.Corrupt, _feed.End,
                    $"invalid deflate data in the gzip member that begins at compressed offset {_memberStart}, between compressed offsets {_feed.LastChunkStart} and {_feed.End} ({e.Message})");
            }

            Report(_feed.End);
            if (n > 0)
            {
                _crc.Append(buffer.Span[..n]);
                _memberOutput += n;
                _output += n;
                return n;
            }

            await EndMemberAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _member?.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_member is not null)
        {
            await _member.DisposeAsync().ConfigureAwait(false);
        }

        await _file.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    // Reads the header of the member at _nextMember; false at a clean end of the file (after at least one member).
    private async ValueTask<bool> BeginMemberAsync(CancellationToken ct)
    {
        var at = _nextMember;
        var rest = _length - at;
        if (rest == 0 && _members > 0)
        {
            return false;
        }

        var head = new byte[(int)Math.Min(rest, 64 * 1024)];
        await ReadAtAsync(at, head, ct).ConfigureAwait(false);
        if (_members > 0 && head.AsSpan().IndexOfAnyExcept((byte)0) < 0 && rest <= head.Length)
        {
            Report(_length);
            return false; // zero padding after the last member
        }

        if (rest == 0)
        {
            throw HeaderFault(CompressedBreak.Truncated, 0, "the file is empty: it holds no gzip member");
        }

        if (head[0] != Id1 || (head.Length > 1 && head[1] != Id2))
        {
            throw HeaderFault(CompressedBreak.Corrupt, at, _members == 0
                ? "the file does not start with the gzip signature (1f 8b)"
                : $"the data after the gzip member that ended at compressed offset {at} is not another gzip member");
        }

        _memberStart = at;
        var dataStart = await HeaderEndAsync(at, ct).ConfigureAwait(false);
        _members++;
        _memberOutput = 0;
        _crc.Reset();
        _feed.Reset(dataStart);
        _member = new DeflateStream(_feed, CompressionMode.Decompress, leaveOpen: true);
        Report(dataStart);
        return true;
    }

    // The offset just after the header that begins at `at`: fixed part, then FEXTRA, FNAME, FCOMMENT and FHCRC as flagged.
    private async ValueTask<long> HeaderEndAsync(long at, CancellationToken ct)
    {
        var fixedPart = new byte[10];
        if (await ReadAtAsync(at, fixedPart, ct).ConfigureAwait(false) < fixedPart.Length)
        {
            throw HeaderFault(CompressedBreak.Truncated, _length, $"the file ends at compressed offset {_length} inside the header of the gzip member that begins at {at}");
        }

        if (fixedPart[2] != Deflate || (fixedPart[3] & 0xE0) != 0)
        {
            throw HeaderFault(CompressedBreak.Corrupt, at, $"the gzip member at compressed offset {at} has an unknown compression method or reserved flags");
        }

        var flags = fixedPart[3];
        var position = at + fixedPart.Length;
        if ((flags & 0x04) != 0)
        {
            var xlen = new byte[2];
            position = await SkipAsync(position, xlen, ct).ConfigureAwait(false);
            position += BinaryPrimitives.ReadUInt16LittleEndian(xlen);
        }

        if ((flags & 0x08) != 0)
        {
            position = await SkipZeroTerminatedAsync(position, ct).ConfigureAwait(false);
        }

        if ((flags & 0x10) != 0)
        {
            position = await SkipZeroTerminatedAsync(position, ct).ConfigureAwait(false);
        }

        if ((flags & 0x02) != 0)
        {
            position += 2;
        }

        if (position > _length)
        {
            throw HeaderFault(CompressedBreak.Truncated, _length, $"the file ends at compressed offset {_length} inside the header of the gzip member that begins at {at}");
        }

        return position;
    }

    private async ValueTask<long> SkipAsync(long position, byte[] into, CancellationToken ct)
    {
        if (await ReadAtAsync(position, into, ct).ConfigureAwait(false) < into.Length)
        {
            throw HeaderFault(CompressedBreak.Truncated, _length, $"the file ends at compressed offset {_length} inside the header of the gzip member that begins at {_memberStart}");
        }

        return position + into.Length;
    }

    private async ValueTask<long> SkipZeroTerminatedAsync(long position, CancellationToken ct)
    {
        var chunk = new byte[4096];
        while (true)
        {
            var n = await ReadAtAsync(position, chunk, ct).ConfigureAwait(false);
            if (n == 0)
            {
                throw HeaderFault(CompressedBreak.Truncated, _length, $"the file ends at compressed offset {_length} inside the header of the gzip member that begins at {_memberStart}");
            }

            var zero = chunk.AsSpan(0, n).IndexOf((byte)0);
            if (zero >= 0)
            {
                return position + zero + 1;
            }

            position += n;
        }
    }

    // The deflate data ended (or the file did): find the trailer where the data ended, or say why it is not there.
    private async ValueTask EndMemberAsync(CancellationToken ct)
    {
        await _member!.DisposeAsync().ConfigureAwait(false);
        _member = null;
        if (_feed.HitEnd)
        {
            // The inflater asked for more and the file had none: the member's deflate data is cut.
            throw Broken(CompressedBreak.Truncated, _length,
                $"the file ends at compressed offset {_length} inside the deflate data of the gzip member that begins at compressed offset {_memberStart}");
        }

        var trailer = new byte[TrailerBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(4), unchecked((uint)_memberOutput));
        if (_feed.Exact)
        {
            // Near the end of the file the feed hands out one byte at a time, so the data ended exactly where the feed did.
            var at = _feed.End;
            var window = new byte[(int)Math.Min(TrailerBytes, _length - at)];
            var read = await ReadAtAsync(at, window, ct).ConfigureAwait(false);
            if (read == TrailerBytes && window.AsSpan().SequenceEqual(trailer))
            {
                _nextMember = at + TrailerBytes;
                Report(_nextMember);
                return;
            }

            if (read < TrailerBytes && window.AsSpan(0, read).SequenceEqual(trailer.AsSpan(0, read)))
            {
                throw Broken(CompressedBreak.Truncated, _length,
                    $"the file ends at compressed offset {_length}, {(read == 0 ? "before" : "inside")} the 8-byte CRC-32/length trailer of the gzip member that begins at compressed offset {_memberStart}");
            }

            throw Broken(CompressedBreak.Corrupt, at,
                $"the CRC-32/length trailer at compressed offset {at} of the gzip member that begins at compressed offset {_memberStart} does not match its data");
        }

        // Elsewhere the data ended inside the last chunk handed to the inflater, and the trailer follows it at once.
        var from = Math.Max(_feed.Start, _feed.LastChunkStart - TrailerBytes);
        var span = new byte[(int)(Math.Min(_length, _feed.End + TrailerBytes) - from)];
        var got = await ReadAtAsync(from, span, ct).ConfigureAwait(false);
        var found = span.AsSpan(0, got).IndexOf(trailer);
        if (found < 0)
        {
            throw Broken(CompressedBreak.Corrupt, _feed.End,
                $"the CRC-32/length trailer of the gzip member that begins at compressed offset {_memberStart} does not match its data (its deflate data ends between compressed offsets {_feed.LastChunkStart} and {_feed.End})");
        }

        _nextMember = from + found + TrailerBytes;
        Report(_nextMember);
    }

    private async ValueTask<int> ReadAtAsync(long position, byte[] into, CancellationToken ct)
    {
        _file.Seek(position, SeekOrigin.Begin);
        var total = 0;
        while (total < into.Length)
        {
            var n = await _file.ReadAsync(into.AsMemory(total), ct).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private void Report(long reached)
    {
        if (reached > _reported)
        {
            _onBytes(reached - _reported);
            _reported = reached;
        }
    }

    // A file whose first header is not gzip cannot be read at all (InvalidDataException, which the reader turns into an
    // error naming the file); a later member's header breaks the file part-way.
    private Exception HeaderFault(CompressedBreak kind, long compressedOffset, string detail) =>
        _members == 0 ? new InvalidDataException($"not a gzip file: {detail}") : Broken(kind, compressedOffset, detail);

    private CompressedStreamBrokenException Broken(CompressedBreak kind, long compressedOffset, string detail) =>
        new(kind, compressedOffset, _output, detail);

    /// <summary>
    /// The file from a member's deflate data on, handed to the inflater in chunks whose place is remembered; within the
    /// last <see cref="ExactTail"/> bytes of the file one byte at a time, so that where the data ends there is known exactly.
    /// </summary>
    private sealed class DeflateFeed(FileStream file, long length) : Stream
    {
        private const int MaxChunk = 64 * 1024;
        private const int ExactTail = 64;

        /// <summary>Where the member's deflate data begins.</summary>
        public long Start { get; private set; }

        /// <summary>Compressed offset just past the last byte handed out.</summary>
        public long End { get; private set; }

        /// <summary>Where the last chunk handed out began.</summary>
        public long LastChunkStart { get; private set; }

        /// <summary>The last chunk was one byte: the data the inflater finished on ended exactly at <see cref="End"/>.</summary>
        public bool Exact => End - LastChunkStart == 1;

        /// <summary>The inflater asked for more after the file's last byte.</summary>
        public bool HitEnd { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => End;
            set => throw new NotSupportedException();
        }

        public void Reset(long start)
        {
            Start = End = LastChunkStart = start;
            HitEnd = false;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            SeekToEnd();
            return Handed(file.Read(buffer[..Chunk(buffer.Length)]));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            SeekToEnd();
            return Handed(await file.ReadAsync(buffer[..Chunk(buffer.Length)], cancellationToken).ConfigureAwait(false));
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private void SeekToEnd()
        {
            if (file.Position != End)
            {
                file.Seek(End, SeekOrigin.Begin);
            }
        }

        private int Chunk(int asked)
        {
            var beforeTail = length - ExactTail - End;
            return (int)Math.Min(asked, beforeTail > 0 ? Math.Min(beforeTail, MaxChunk) : 1);
        }

        private int Handed(int n)
        {
            if (n == 0)
            {
                HitEnd = true;
                return 0;
            }

            LastChunkStart = End;
            End += n;
            return n;
        }
    }
}

/// <summary>How a compressed stream broke.</summary>
internal enum CompressedBreak
{
    /// <summary>The file ends before the compressed stream does.</summary>
    Truncated,

    /// <summary>The compressed data cannot be decoded or fails its check.</summary>
    Corrupt,
}

/// <summary>A compressed input stream that breaks part-way: the bytes decompressed before it are the file's real content.</summary>
internal sealed class CompressedStreamBrokenException : Exception
{
    public CompressedStreamBrokenException() { }

    public CompressedStreamBrokenException(string message) : base(message) { }

    public CompressedStreamBrokenException(string message, Exception innerException) : base(message, innerException) { }

    public CompressedStreamBrokenException(CompressedBreak kind, long compressedOffset, long? uncompressedOffset, string detail)
        : base(detail)
    {
        Kind = kind;
        CompressedOffset = compressedOffset;
        UncompressedOffset = uncompressedOffset;
    }

    public CompressedBreak Kind { get; }

    /// <summary>Byte offset in the file (compressed) where the stream broke.</summary>
    public long CompressedOffset { get; }

    /// <summary>Bytes of uncompressed data produced before the break; null for a format without one stream (Parquet).</summary>
    public long? UncompressedOffset { get; }
}
