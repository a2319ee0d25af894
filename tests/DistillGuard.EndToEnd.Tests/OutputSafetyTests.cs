using System.Text.Json;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>Rows 6 and 8 of the hardening issue: every output, rejects included, moves into place whole, and no link in the output folder is written through.</summary>
public class OutputSafetyTests
{
    [Fact]
    public async Task LinksPlantedInTheOutputFolderAreReplacedAndTheirTargetsLeftAlone()
    {
        using var dir = new TempDir();
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "tiny", "--seed", "210", "--out", dir["data"]));
        Directory.CreateDirectory(dir["out"]);
        string[] planted = ["accounts.csv.partial", "rejects.jsonl.partial", "summary.json", "rejects.jsonl"];
        foreach (var name in planted)
        {
            var victim = dir["victim-" + name];
            await File.WriteAllTextAsync(victim, "keep me");
            File.CreateSymbolicLink(Path.Combine(dir["out"], name), victim);
        }

        Assert.Equal(0, await Cli.Run("analyze", "--input", dir["data"], "--out", dir["out"]));

        foreach (var name in planted)
        {
            Assert.Equal("keep me", await File.ReadAllTextAsync(dir["victim-" + name]));
        }

        Assert.Null(new FileInfo(Path.Combine(dir["out"], "summary.json")).LinkTarget);
        Assert.Null(new FileInfo(Path.Combine(dir["out"], "rejects.jsonl")).LinkTarget);
        Assert.Empty(Directory.EnumerateFiles(dir["out"], "*.partial"));
    }

    [Fact]
    public async Task ARerunIntoTheSameFolderLeavesRejectsAndSummaryOfOneRun()
    {
        using var dir = new TempDir();
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "tiny", "--seed", "211", "--out", dir["data"]));
        var lines = (await ExchangeLog.LinesAsync(dir["data"])).ToList();
        await File.WriteAllLinesAsync(dir["bad.jsonl"], [.. lines, "{not json", "{\"event_id\":\"x\"}"]);
        await File.WriteAllLinesAsync(dir["clean.jsonl"], lines);

        Assert.Equal(0, await Cli.Run("analyze", "--input", dir["bad.jsonl"], "--out", dir["out"]));
        Assert.Equal(2, (await File.ReadAllLinesAsync(Path.Combine(dir["out"], "rejects.jsonl"))).Length);
        Assert.Equal(0, await Cli.Run("analyze", "--input", dir["clean.jsonl"], "--out", dir["out"]));

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "summary.json")));
        Assert.Equal(0, summary.RootElement.GetProperty("rejected").GetInt64());
        Assert.Empty(await File.ReadAllLinesAsync(Path.Combine(dir["out"], "rejects.jsonl")));
        Assert.Empty(Directory.EnumerateFiles(dir["out"], "*.partial"));
    }
}
