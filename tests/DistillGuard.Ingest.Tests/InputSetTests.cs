using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DistillGuard.Ingest.Tests.Support;

namespace DistillGuard.Ingest.Tests;

public class InputSetTests
{
    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return ms.ToArray();
    }

    [Fact]
    public async Task AMixedFileIsAccountedExactly()
    {
        using var dir = new TempDir();
        var lines = new[]
        {
            Some.Line(Some.Record("d1")),
            Some.Line(Some.Record("d1")),                    // duplicate
            Some.Line(Some.Record("r1").Without("model")),   // rejected, does not register r1
            Some.Line(Some.Record("r1")),                    // accepted: r1 was never registered
            "not json",
            "",
            Some.Line(Some.Record("d2")),
            Some.Line(Some.Record("d2")),                    // duplicate
            Some.Line(Some.Record("d1")),                    // duplicate
        };
        var run = await IngestRun.Of(dir.File("mixed.jsonl", string.Join('\n', lines)));
        Assert.Equal(new IngestCounts(8, 3, 2, 3), run.Counts);
        Assert.Equal(run.Counts.Read, run.Counts.Accepted + run.Counts.Rejected + run.Counts.Duplicates);
        Assert.Equal(["d1", "r1", "d2"], run.Accepted.Select(e => e.EventId));
    }

    [Fact]
    public async Task AGzipJsonlFileIsRead()
    {
        using var dir = new TempDir();
        var path = dir.File("a.jsonl.gz", Gzip(Some.Line(Some.Record()) + "\n" + Some.Line(Some.Record()) + "\n"));
        var run = await IngestRun.Of(path);
        Assert.Equal(2, run.Accepted.Count);
        Assert.Equal(new FileInfo(path).Length, run.BytesRead);
        Assert.Equal(run.TotalBytes, run.BytesRead);
    }

    [Fact]
    public async Task AFolderIsReadRecursivelyInOrdinalOrderAcrossFormats()
    {
        using var dir = new TempDir();
        dir.File("b.jsonl", Some.Line(Some.Record("j1")) + "\n");
        dir.File("sub/c.ndjson.gz", Gzip(Some.Line(Some.Record("g1")) + "\n"));
        dir.File("a.csv", Some.Csv(Some.Record("c1")));
        dir.File("notes.txt", "ignored");
        await ParquetFormatTests.Write(dir, "p.parquet", 2);
        var run = await IngestRun.Of(dir.Path);
        Assert.Equal(["c1", "j1", "pq-p.parquet-0", "pq-p.parquet-1", "g1"], run.Accepted.Select(e => e.EventId));
        Assert.Equal(new IngestCounts(5, 5, 0, 0), run.Counts);
    }

    [Fact]
    public async Task DuplicatesAreDetectedAcrossFiles()
    {
        using var dir = new TempDir();
        dir.File("a.jsonl", Some.Line(Some.Record("same")) + "\n");
        dir.File("b.csv", Some.Csv(Some.Record("same")));
        var run = await IngestRun.Of(dir.Path);
        Assert.Equal(new IngestCounts(2, 1, 0, 1), run.Counts);
    }

    [Fact]
    public async Task AMissingFileRaisesAnErrorNamingIt()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "nope.jsonl");
        var e = await Assert.ThrowsAsync<InputFileException>(() => IngestRun.Of(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorruptGzipRaisesAnErrorNamingIt()
    {
        using var dir = new TempDir();
        var path = dir.File("bad.jsonl.gz", "this is not gzip at all, just text\n");
        var e = await Assert.ThrowsAsync<InputFileException>(() => IngestRun.Of(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorruptParquetRaisesAnErrorNamingIt()
    {
        using var dir = new TempDir();
        var path = dir.File("bad.parquet", "PAR1 definitely not parquet content PAR1");
        var e = await Assert.ThrowsAsync<InputFileException>(() => IngestRun.Of(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRejectWriterWritesOneJsonObjectPerLineAndCreatesTheFileWhenEmpty()
    {
        using var dir = new TempDir();
        var empty = Path.Combine(dir.Path, "out1", "rejects.jsonl");
        using (new JsonlRejectWriter(empty)) { }
        Assert.Equal("", File.ReadAllText(empty));

        var path = Path.Combine(dir.Path, "rejects.jsonl");
        using (var w = new JsonlRejectWriter(path))
        {
            w.Add(new RejectedRecord("a.jsonl", 3, "invalid UTF-8", null));
            w.Add(new RejectedRecord("b.csv", 7, "field 'asn' must be ≥ 0", "e1"));
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(3, first.RootElement.GetProperty("line").GetInt64());
        Assert.False(first.RootElement.TryGetProperty("event_id", out _));
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("e1", second.RootElement.GetProperty("event_id").GetString());
        Assert.Equal("field 'asn' must be ≥ 0", second.RootElement.GetProperty("reason").GetString());
    }
}
