namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// Parallel reading and the accounts' partitions change nothing: one worker and four give byte-identical accounts.csv
/// and campaigns.json on the same log, duplicates included (the copy of a record that comes later, in whichever block
/// and partition, is the one dropped).
/// </summary>
public class WorkerCountTests
{
    [Fact]
    public async Task OneWorkerAndFourWriteTheSameAccountsAndCampaigns()
    {
        using var dir = new TempDir();
        var key = await Scenarios.HashKey();
        // tiny 1 has campaigns of every style; every 50th record is sent again a few thousand lines later.
        var data = await (await Scenarios.Tiny(1)).CopyToAsync(dir, lines =>
        {
            var copy = new List<string>(lines);
            for (var i = 0; i < lines.Count; i += 50)
            {
                copy.Insert(Math.Min(copy.Count, i + 3000), lines[i]);
            }

            return copy;
        });

        Assert.Equal(0, await Cli.Run("analyze", "--input", data.Log, "--out", dir["one"], "--key-file", key, "--workers", "1"));
        Assert.Equal(0, await Cli.Run("analyze", "--input", data.Log, "--out", dir["four"], "--key-file", key, "--workers", "4"));

        foreach (var file in new[] { "accounts.csv", "campaigns.json" })
        {
            var one = await File.ReadAllBytesAsync(Path.Combine(dir["one"], file));
            Assert.Equal(one, await File.ReadAllBytesAsync(Path.Combine(dir["four"], file)));
        }

        var summary = await File.ReadAllTextAsync(Path.Combine(dir["four"], "summary.json"));
        Assert.Contains("\"duplicates\": ", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("\"duplicates\": 0", summary, StringComparison.Ordinal);
        Assert.Contains("distillation", await File.ReadAllTextAsync(Path.Combine(dir["four"], "accounts.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameLogAsParquetGivesTheSameAccountsAndCampaignsWithOneWorkerOrFour()
    {
        // DuckDB writes the Parquet copy with the types it infers: UUID event ids, timestamps, integers and doubles.
        using var dir = new TempDir();
        var key = await Scenarios.HashKey();
        var data = await (await Scenarios.Tiny(1)).CopyToAsync(dir, lines => lines);
        var parquet = Path.Combine(dir.Path, "exchanges.parquet");
        Assert.True(DistillGuard.Storage.JsonGroupByAnchor.WriteParquet(data.Log, parquet) > 1000);

        Assert.Equal(0, await Cli.Run("analyze", "--input", data.Log, "--out", dir["jsonl"], "--key-file", key, "--workers", "1"));
        Assert.Equal(0, await Cli.Run("analyze", "--input", parquet, "--out", dir["one"], "--key-file", key, "--workers", "1"));
        Assert.Equal(0, await Cli.Run("analyze", "--input", parquet, "--out", dir["four"], "--key-file", key, "--workers", "4"));
        foreach (var file in new[] { "accounts.csv", "campaigns.json" })
        {
            var jsonl = await File.ReadAllBytesAsync(Path.Combine(dir["jsonl"], file));
            Assert.Equal(jsonl, await File.ReadAllBytesAsync(Path.Combine(dir["one"], file)));
            Assert.Equal(jsonl, await File.ReadAllBytesAsync(Path.Combine(dir["four"], file)));
        }

        Assert.Equal(0, new FileInfo(Path.Combine(dir["four"], "rejects.jsonl")).Length);
    }
}
