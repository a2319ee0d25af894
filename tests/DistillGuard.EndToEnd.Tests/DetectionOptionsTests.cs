using System.Text.Json.Nodes;
using DistillGuard.Storage;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>The options root is written with every run, in the output folder and the store, and a run given it back reproduces itself.</summary>
public sealed class DetectionOptionsTests
{
    [Fact]
    public async Task ARunGivenTheOptionsItWroteReproducesItsVerdictsAndAChangedOptionChangesThem()
    {
        using var dir = new TempDir();
        var data = (await Scenarios.Tiny(201)).Log;
        Assert.Equal(0, await Cli.Run("analyze", "--input", data, "--out", dir["first"], "--db", dir["runs.duckdb"]));
        var written = Path.Combine(dir["first"], "detection_options.json");
        Assert.True(File.Exists(written));

        Assert.Equal(0, await Cli.Run("analyze", "--input", data, "--out", dir["again"], "--db", dir["runs.duckdb"], "--options", written));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(dir["first"], "accounts.csv")), await File.ReadAllTextAsync(Path.Combine(dir["again"], "accounts.csv")));

        // With linking candidates required to be near certain, fewer accounts are linked and flagged.
        var strict = JsonNode.Parse(await File.ReadAllTextAsync(written))!;
        strict["scoring"]!["candidate_threshold"] = 0.999;
        await File.WriteAllTextAsync(dir["strict.json"], strict.ToJsonString());
        Assert.Equal(0, await Cli.Run("analyze", "--input", data, "--out", dir["strict"], "--db", dir["runs.duckdb"], "--options", dir["strict.json"]));
        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(dir["first"], "accounts.csv")), await File.ReadAllTextAsync(Path.Combine(dir["strict"], "accounts.csv")));
        Assert.Equal(0.999, (double)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir["strict"], "detection_options.json")))!["scoring"]!["candidate_threshold"]!);

        using var store = new DuckDbAnalysisStore(dir["runs.duckdb"]);
        var runs = store.ListRuns();
        Assert.Equal(3, runs.Count);
        Assert.Equal(await File.ReadAllTextAsync(written), runs[0].Run.DetectionOptions);
        Assert.Contains("0.999", runs[2].Run.DetectionOptions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadOptionsFileIsRefusedByNameBeforeAnyOutput()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir["bad.json"], """{"linker": {"min_purity": 2}}""");
        var (code, errors) = await Cli.RunCapturingErrors("analyze", "--input", (await Scenarios.Tiny(201)).Log, "--out", dir["out"], "--options", dir["bad.json"]);

        Assert.NotEqual(0, code);
        Assert.Contains("bad.json", errors, StringComparison.Ordinal);
        Assert.Contains("linker options out of range", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["out"]) && Directory.EnumerateFileSystemEntries(dir["out"]).Any());
    }

    [Fact]
    public async Task TheOptionsVerbPrintsARootThatAnalyzeAccepts()
    {
        using var dir = new TempDir();
        Assert.Equal(0, await Cli.Run("options", "--out", dir["defaults.json"]));
        var root = JsonNode.Parse(await File.ReadAllTextAsync(dir["defaults.json"]))!.AsObject();

        Assert.Equal(["scoring", "linker", "template_families", "wording", "phrase_pull_in"], root.Select(p => p.Key));
        Assert.NotNull(root["scoring"]!["curves"]!["turn_depth"]);
        Assert.NotNull(root["linker"]!["kind_weights"]!["payment"]);
    }
}
