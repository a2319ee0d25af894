using System.Text.Json;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>Rows 6 and 8 of the hardening issue: every output, rejects included, moves into place whole, and no link in the output folder is written through.</summary>
public class OutputSafetyTests
{
    [Fact]
    public async Task LinksPlantedInTheOutputFolderAreReplacedAndTheirTargetsLeftAlone()
    {
        using var dir = new TempDir();
        var data = await Scenarios.Tiny(201);
        Directory.CreateDirectory(dir["out"]);
        string[] planted = ["accounts.csv.partial", "rejects.jsonl.partial", "summary.json", "rejects.jsonl"];
        foreach (var name in planted)
        {
            var victim = dir["victim-" + name];
            await File.WriteAllTextAsync(victim, "keep me");
            File.CreateSymbolicLink(Path.Combine(dir["out"], name), victim);
        }

        Assert.Equal(0, await Cli.Run("analyze", "--input", data.Log, "--out", dir["out"]));

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
        var clean = await Scenarios.Tiny(201);
        var bad = await clean.CopyToAsync(dir, lines => [.. lines, "{not json", "{\"event_id\":\"x\"}"], "bad");

        Assert.Equal(0, await Cli.Run("analyze", "--input", bad.Log, "--out", dir["out"]));
        Assert.Equal(2, (await File.ReadAllLinesAsync(Path.Combine(dir["out"], "rejects.jsonl"))).Length);
        Assert.Equal(0, await Cli.Run("analyze", "--input", clean.Log, "--out", dir["out"]));

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "summary.json")));
        Assert.Equal(0, summary.RootElement.GetProperty("rejected").GetInt64());
        Assert.Empty(await File.ReadAllLinesAsync(Path.Combine(dir["out"], "rejects.jsonl")));
        Assert.Empty(Directory.EnumerateFiles(dir["out"], "*.partial"));
    }
}
