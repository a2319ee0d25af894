using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using DistillGuard.Ingest.Tests.Support;

namespace DistillGuard.Ingest.Tests;

/// <summary>
/// Row 3 of the hardening issue: a gzip file cut short (anywhere, or at a flush point) or corrupt is never read as if it
/// were whole. The records before the break are read and counted, the line the break cut is rejected, and the file is
/// listed as incomplete with the offset where it broke. Whole files, multi-member files and padded files read whole.
/// </summary>
public class CompressedInputTests
{
    private static string Lines(int n, string prefix = "g") =>
        string.Concat(Enumerable.Range(0, n).Select(i => Some.Line(Some.Record($"{prefix}{i}").With("prompt", $"prompt number {i} " + new string('x', i % 37))) + "\n"));

    private static byte[] Gzip(string text, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, level))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return ms.ToArray();
    }

    /// <summary>Gzip with a sync flush after every <paramref name="perFlush"/> lines; returns the bytes and where each flush ended.</summary>
    private static (byte[] Bytes, List<(int Offset, int LinesBefore)> Flushes) GzipFlushed(string[] lines, int perFlush)
    {
        using var ms = new MemoryStream();
        var flushes = new List<(int, int)>();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                gz.Write(Encoding.UTF8.GetBytes(lines[i] + "\n"));
                if ((i + 1) % perFlush == 0 && i + 1 < lines.Length)
                {
                    gz.Flush();
                    flushes.Add(((int)ms.Length, i + 1));
                }
            }
        }

        return (ms.ToArray(), flushes);
    }

    /// <summary>One gzip member written by hand with every optional header field (FEXTRA, FNAME, FCOMMENT, FHCRC), as bgzip and gzip write them.</summary>
    private static byte[] MemberWithEveryHeaderField(string text)
    {
        var data = Encoding.UTF8.GetBytes(text);
        using var raw = new MemoryStream();
        using (var deflate = new DeflateStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        var header = new List<byte> { 0x1f, 0x8b, 8, 0x04 | 0x08 | 0x10 | 0x02, 0, 0, 0, 0, 0, 3 };
        header.AddRange([6, 0, (byte)'B', (byte)'C', 2, 0, 0x12, 0x34]); // XLEN 6: a BC subfield as bgzip writes
        header.AddRange(Encoding.ASCII.GetBytes("exchanges.jsonl\0"));
        header.AddRange(Encoding.ASCII.GetBytes("a comment\0"));
        header.AddRange([0, 0]); // header CRC16 (not checked by readers)
        var trailer = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.HashToUInt32(data));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(4), (uint)data.Length);
        return [.. header, .. raw.ToArray(), .. trailer];
    }

    [Fact]
    public async Task AWholeFileReadsWholeAndIsNotListedAsIncomplete()
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.jsonl.gz", Gzip(Lines(300))));
        Assert.Equal(300, run.Counts.Accepted);
        Assert.Empty(run.Incomplete);
        Assert.Equal(new FileInfo(Path.Combine(dir.Path, "a.jsonl.gz")).Length, run.BytesRead);
    }

    [Fact]
    public async Task MultiMemberFilesReadWholeWhateverTheirHeaders()
    {
        using var dir = new TempDir();
        // Concatenated files (cat a.gz b.gz), a stored and an empty member, and many small members with every header field.
        byte[] bytes =
        [
            .. Gzip(Lines(120, "a")), .. Gzip(Lines(1, "b"), CompressionLevel.NoCompression), .. Gzip(""),
            .. Enumerable.Range(0, 40).SelectMany(i => MemberWithEveryHeaderField(Lines(5, $"c{i}-"))),
        ];
        var run = await IngestRun.Of(dir.File("multi.jsonl.gz", bytes));
        Assert.Equal(120 + 1 + 200, run.Counts.Accepted);
        Assert.Empty(run.Rejects);
        Assert.Empty(run.Incomplete);
    }

    [Fact]
    public async Task ZeroPaddingAfterTheLastMemberIsIgnored()
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("padded.jsonl.gz", [.. Gzip(Lines(20)), .. new byte[512]]));
        Assert.Equal(20, run.Counts.Accepted);
        Assert.Empty(run.Incomplete);
    }

    [Fact]
    public async Task EveryCutOfASmallFileIsListedAsTruncatedAndKeepsOnlyWholeLinesBeforeIt()
    {
        using var dir = new TempDir();
        var text = Lines(12);
        var whole = Gzip(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Every cut after the first member's header: cutting inside the first header is "not a gzip file" (tested below).
        for (var cut = 10; cut < whole.Length; cut++)
        {
            var path = dir.File($"cut{cut}.jsonl.gz", whole[..cut]);
            var run = await IngestRun.Of(path);
            var broken = Assert.Single(run.Incomplete);
            Assert.Equal("truncated", broken.Problem);
            Assert.Equal(path, broken.File);
            Assert.Equal(cut, broken.CompressedOffset);
            Assert.True(broken.UncompressedOffset <= Encoding.UTF8.GetByteCount(text));
            var c = run.Counts;
            Assert.Equal(c.Read, c.Accepted + c.Rejected + c.Duplicates);
            Assert.Equal(c.Read, broken.RecordsRead);
            Assert.Equal(c.Accepted, broken.RecordsAccepted);
            // What was accepted is exactly the first lines, whole; a cut line is rejected, never taken as a record.
            Assert.Equal(Enumerable.Range(0, run.Accepted.Count).Select(i => $"g{i}"), run.Accepted.Select(e => e.EventId));
            Assert.All(run.Rejects, r => Assert.Equal(Formats.JsonlFormat.CutLineReason, r.Reason));
            Assert.True(run.Rejects.Count <= 1);
            Assert.True(run.Accepted.Count < lines.Length || cut > whole.Length - 8 - 4, $"cut {cut} of {whole.Length}: all records only when the cut is at the very end of the deflate data or in the trailer");
        }
    }

    [Fact]
    public async Task ACutAtAFlushPointIsListedAsTruncatedWithTheRecordsBeforeIt()
    {
        using var dir = new TempDir();
        var lines = Lines(400).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var (bytes, flushes) = GzipFlushed(lines, 100);
        Assert.Equal(3, flushes.Count);
        foreach (var (offset, before) in flushes)
        {
            var path = dir.File($"flush{offset}.jsonl.gz", bytes[..offset]);
            var run = await IngestRun.Of(path);
            Assert.Equal(before, run.Counts.Accepted);
            Assert.Empty(run.Rejects);
            var broken = Assert.Single(run.Incomplete);
            Assert.Equal("truncated", broken.Problem);
            Assert.Equal(offset, broken.CompressedOffset);
            Assert.Equal(before, broken.RecordsAccepted);
            Assert.Equal(Encoding.UTF8.GetByteCount(string.Concat(lines.Take(before).Select(l => l + "\n"))), broken.UncompressedOffset);
            Assert.Contains($"compressed offset {offset}", broken.Describe(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ACutInsideALaterMemberKeepsTheMembersBeforeIt()
    {
        using var dir = new TempDir();
        var first = Gzip(Lines(50, "a"));
        var second = Gzip(Lines(50, "b"));
        foreach (var cut in new[] { 1, 2, 5, 10, second.Length / 2, second.Length - 4, second.Length - 1 })
        {
            var run = await IngestRun.Of(dir.File($"m{cut}.jsonl.gz", [.. first, .. second[..cut]]));
            var broken = Assert.Single(run.Incomplete);
            Assert.Equal("truncated", broken.Problem);
            Assert.Equal(first.Length + cut, broken.CompressedOffset);
            Assert.True(run.Counts.Accepted >= 50, $"cut {cut}: the first member's 50 records are kept");
        }
    }

    [Fact]
    public async Task CorruptDataOrAWrongTrailerIsListedAsCorrupt()
    {
        using var dir = new TempDir();
        var whole = Gzip(Lines(200));
        var badCrc = (byte[])whole.Clone();
        badCrc[^6] ^= 0x01;
        var badLength = (byte[])whole.Clone();
        badLength[^2] ^= 0x01;
        var junk = (byte[])whole.Clone();
        for (var i = whole.Length / 2; i < whole.Length / 2 + 16; i++)
        {
            junk[i] ^= 0xA5;
        }

        foreach (var (name, bytes) in new[] { ("crc", badCrc), ("length", badLength), ("junk", junk), ("trailing", [.. whole, .. "garbage"u8.ToArray()]) })
        {
            var run = await IngestRun.Of(dir.File(name + ".jsonl.gz", bytes));
            var broken = Assert.Single(run.Incomplete);
            Assert.True(broken.Problem == "corrupt", $"{name}: {broken.Describe()}");
            var c = run.Counts;
            Assert.Equal(c.Read, c.Accepted + c.Rejected + c.Duplicates);
        }
    }

    [Fact]
    public async Task AFileThatIsNotGzipFromItsFirstByteCannotBeReadAtAll()
    {
        using var dir = new TempDir();
        var whole = Gzip(Lines(3));
        foreach (var (name, bytes) in new[] { ("empty", Array.Empty<byte>()), ("text", "not gzip\n"u8.ToArray()), ("header", whole[..6]) })
        {
            var path = dir.File(name + ".jsonl.gz", bytes);
            var e = await Assert.ThrowsAsync<InputFileException>(() => IngestRun.Of(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains("not a gzip file", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OtherFilesOfAFolderAreStillReadAfterOneBreaks()
    {
        using var dir = new TempDir();
        var whole = Gzip(Lines(100, "a"));
        dir.File("in/a.jsonl.gz", whole[..(whole.Length / 2)]);
        dir.File("in/b.jsonl.gz", Gzip(Lines(30, "b")));
        var run = await IngestRun.Of(Path.Combine(dir.Path, "in"));
        var broken = Assert.Single(run.Incomplete);
        Assert.EndsWith("a.jsonl.gz", broken.File, StringComparison.Ordinal);
        Assert.Equal(broken.RecordsAccepted + 30, run.Counts.Accepted);
    }
}

/// <summary>Row 3 for Parquet, whose pages are compressed: a cut file has no footer and cannot be read at all; a row group that cannot be decoded breaks the file there.</summary>
public class ParquetBreakTests
{
    private static async Task<string> TwoRowGroups(TempDir dir, string name)
    {
        var schema = new Parquet.Schema.ParquetSchema(
            new Parquet.Schema.DataField<string>("event_id"), new Parquet.Schema.DataField<string>("timestamp"),
            new Parquet.Schema.DataField<string>("account_id"), new Parquet.Schema.DataField<string>("model"),
            new Parquet.Schema.DataField<string>("prompt"), new Parquet.Schema.DataField<long?>("input_tokens"),
            new Parquet.Schema.DataField<long?>("output_tokens"));
        var path = Path.Combine(dir.Path, name);
        await using (var file = File.Create(path))
        await using (var writer = await Parquet.ParquetWriter.CreateAsync(schema, file))
        {
            for (var g = 0; g < 2; g++)
            {
                using var group = writer.CreateRowGroup();
                var f = schema.DataFields;
                var rows = Enumerable.Range(g * 100, 100).ToArray();
                await group.WriteAsync(f[0], rows.Select(i => (string?)$"pq-{i}").ToArray());
                await group.WriteAsync(f[1], rows.Select(i => (string?)"2025-03-01T12:00:00Z").ToArray());
                await group.WriteAsync(f[2], rows.Select(i => (string?)$"acct-{i % 7}").ToArray());
                await group.WriteAsync(f[3], rows.Select(i => (string?)"m").ToArray());
                await group.WriteAsync(f[4], rows.Select(i => (string?)$"prompt {i}").ToArray());
                await group.WriteAsync<long>(f[5], rows.Select(i => (long?)10).ToArray());
                await group.WriteAsync<long>(f[6], rows.Select(i => (long?)20).ToArray());
            }
        }

        return path;
    }

    [Fact]
    public async Task ACutParquetFileCannotBeReadAtAllAndTheErrorSaysWhy()
    {
        using var dir = new TempDir();
        var whole = await File.ReadAllBytesAsync(await TwoRowGroups(dir, "whole.parquet"));
        var path = dir.File("cut.parquet", whole[..(whole.Length / 2)]);
        var e = await Assert.ThrowsAsync<InputFileException>(() => IngestRun.Of(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains($"the file is {whole.Length / 2} bytes and ends without a readable Parquet footer", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task ARowGroupThatCannotBeDecodedBreaksTheFileThereAndTheRowsBeforeItAreKept(int workers)
    {
        using var dir = new TempDir();
        var path = await TwoRowGroups(dir, "broken.parquet");
        long offset;
        await using (var stream = File.OpenRead(path))
        await using (var reader = await Parquet.ParquetReader.CreateAsync(stream))
        {
            offset = Formats.ParquetFormat.RowGroupOffset(reader, 1);
        }

        var bytes = await File.ReadAllBytesAsync(path);
        for (var i = 0; i < 48; i++)
        {
            bytes[offset + i] = 0xFF;
        }

        await File.WriteAllBytesAsync(path, bytes);
        var run = await IngestRun.Of(path, new IngestOptions { ParseWorkers = workers });
        var broken = Assert.Single(run.Incomplete);
        Assert.Equal("corrupt", broken.Problem);
        Assert.Equal(offset, broken.CompressedOffset);
        Assert.Null(broken.UncompressedOffset);
        Assert.Equal(100, broken.RecordsRead);
        Assert.Equal(100, run.Counts.Accepted);
        Assert.Contains("row group 2 of 2", broken.Detail, StringComparison.Ordinal);
    }
}
