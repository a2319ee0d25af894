using System.Diagnostics;
using DistillGuard.Ingest.Tests.Support;
using Xunit.Abstractions;

namespace DistillGuard.Ingest.Tests;

/// <summary>A quick stopwatch measurement of the JSONL path; reports a rate, asserts only correctness (machines are noisy).</summary>
public class ThroughputScratchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoHundredThousandOneKilobyteRecordsAreAllAccepted()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "bulk.jsonl");
        const int n = 200_000;
        await using (var w = new StreamWriter(path))
        {
            var prompt = new string('q', 500);
            for (var i = 0; i < n; i++)
            {
                await w.WriteLineAsync(Some.Line(Some.Record("b" + i).With("prompt", prompt)));
            }
        }

        // First pass warms the JIT (tiered compilation); the second is measured.
        await foreach (var _ in new ExchangeLogReader(new ListRejectSink()).ReadAsync(path))
        {
        }

        var sink = new ListRejectSink();
        var reader = new ExchangeLogReader(sink);
        var sw = Stopwatch.StartNew();
        long count = 0;
        await foreach (var _ in reader.ReadAsync(path))
        {
            count++;
        }

        sw.Stop();
        var rate = n / sw.Elapsed.TotalSeconds;
        output.WriteLine($"JSONL: {n} records of ~{new FileInfo(path).Length / n} B in {sw.ElapsedMilliseconds} ms = {rate:F0} records/s");
        Console.WriteLine($"JSONL rate: {rate:F0} records/s ({new FileInfo(path).Length / n} B/record)");
        Assert.Equal(n, count);
    }
}
