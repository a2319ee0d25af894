using System.IO.Compression;
using System.Text;
using DistillGuard.Ingest.Tests.Support;

namespace DistillGuard.Ingest.Tests;

/// <summary>
/// JSON Lines parsed by several workers in blocks give exactly what one thread gives: the same exchanges in the same
/// order, the same rejects with their file and line, the same duplicates (first occurrence wins, across blocks).
/// </summary>
public class ParallelReadTests
{
    private static readonly IngestOptions OneWorker = new() { ParseWorkers = 1 };

    // Blocks of three lines, so every kind of line lands near a block edge and duplicates cross blocks.
    private static readonly IngestOptions FourWorkers = new() { ParseWorkers = 4, BlockLines = 3, BlockBytes = 256 };

    private static string[] MixedLines()
    {
        var lines = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            lines.Add((i % 11) switch
            {
                0 => "{not json",
                1 => "",
                2 => Some.Line(Some.Record($"dup-{i % 7}")),
                3 => Some.Line(Some.Record($"e{i}").With("asn", System.Text.Json.Nodes.JsonValue.Create("abc"))),
                4 => "   ",
                _ => Some.Line(Some.Record($"e{i}")),
            });
        }

        return [.. lines];
    }

    [Fact]
    public async Task FourWorkersReadPlainJsonlExactlyAsOneDoes()
    {
        using var dir = new TempDir();
        var path = dir.File("a.jsonl", "\uFEFF" + string.Join("\n", MixedLines()) + "\n");
        AssertSame(await IngestRun.Of(path, OneWorker), await IngestRun.Of(path, FourWorkers));
    }

    [Fact]
    public async Task FourWorkersReadGzipExactlyAsOneDoes()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "a.jsonl.gz");
        await File.WriteAllBytesAsync(path, Gzip(string.Join("\r\n", MixedLines())));
        AssertSame(await IngestRun.Of(path, OneWorker), await IngestRun.Of(path, FourWorkers));
    }

    [Fact]
    public async Task AGzipCutShortGivesTheSameCutLineAndBreakWithFourWorkers()
    {
        using var dir = new TempDir();
        var whole = Gzip(string.Join("\n", MixedLines()));
        var path = Path.Combine(dir.Path, "a.jsonl.gz");
        await File.WriteAllBytesAsync(path, whole[..(whole.Length * 2 / 3)]);
        var one = await IngestRun.Of(path, OneWorker);
        var four = await IngestRun.Of(path, FourWorkers);
        AssertSame(one, four);
        Assert.Equal(one.Incomplete, four.Incomplete);
        Assert.Single(four.Incomplete);
    }

    [Fact]
    public async Task BlocksCutByBytesGiveExactlyWhatOneWorkerGives()
    {
        // Blocks of 1 KiB and up to a thousand lines: a block is handed over when the next line would not fit, and a
        // line longer than a whole block gets a block of its own.
        var bytesBound = new IngestOptions { ParseWorkers = 4, BlockLines = 1000, BlockBytes = 1024 };
        var lines = MixedLines().ToList();
        lines.Insert(50, Some.Line(Some.Record("long-1").With("prompt", System.Text.Json.Nodes.JsonValue.Create(new string('q', 5000)))));
        lines.Insert(51, Some.Line(Some.Record("long-2").With("prompt", System.Text.Json.Nodes.JsonValue.Create(new string('r', 3000)))));
        using var dir = new TempDir();
        var path = dir.File("a.jsonl", string.Join("\n", lines) + "\n");
        var one = await IngestRun.Of(path, OneWorker);
        AssertSame(one, await IngestRun.Of(path, bytesBound));
        Assert.Contains("long-1", one.Accepted.Select(e => e.EventId));
    }

    [Fact]
    public async Task RejectsKeepTheirLineNumbersUnderParallelReading()
    {
        using var dir = new TempDir();
        var lines = MixedLines();
        var path = dir.File("a.jsonl", string.Join("\n", lines) + "\n");
        var run = await IngestRun.Of(path, FourWorkers);
        var expected = lines.Select((l, i) => (Line: l, Number: i + 1L)).Where(l => l.Line.StartsWith("{not", StringComparison.Ordinal) || l.Line.Contains("\"abc\"", StringComparison.Ordinal)).Select(l => l.Number);
        Assert.Equal(expected, run.Rejects.Select(r => r.Line));
        Assert.All(run.Rejects, r => Assert.Equal(path, r.File));
    }

    private static void AssertSame(IngestRun one, IngestRun four)
    {
        Assert.Equal(one.Counts, four.Counts);
        Assert.True(one.Counts.Duplicates > 0 && one.Counts.Rejected > 0);
        Assert.Equal(one.Accepted.Select(e => e.EventId), four.Accepted.Select(e => e.EventId));
        Assert.Equal(one.Rejects, four.Rejects);
        Assert.Equal(one.BytesRead, four.BytesRead);
    }

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return ms.ToArray();
    }
}
