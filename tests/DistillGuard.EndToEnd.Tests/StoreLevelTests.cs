using DistillGuard.Storage;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// `analyze --store none|summary|exchanges`: a run for verdicts only skips the exchange rows (summary) or the database
/// (none), and its accounts.csv is the one a full run writes.
/// </summary>
public class StoreLevelTests
{
    [Fact]
    public async Task SummaryStoresTheRunWithoutExchangesAndNoneWritesNoDatabase()
    {
        using var dir = new TempDir();
        var key = await Scenarios.HashKey();
        var full = await Scenarios.Analyse(await Scenarios.Tiny(201), "--key-file", key);
        Assert.Equal(0, await Cli.Run("analyze", "--input", full.Data.Log, "--out", dir["summary"], "--key-file", key, "--store", "summary"));
        Assert.Equal(0, await Cli.Run("analyze", "--input", full.Data.Log, "--out", dir["none"], "--key-file", key, "--store", "none"));

        var accounts = await File.ReadAllBytesAsync(full.Accounts);
        Assert.Equal(accounts, await File.ReadAllBytesAsync(Path.Combine(dir["summary"], "accounts.csv")));
        Assert.Equal(accounts, await File.ReadAllBytesAsync(Path.Combine(dir["none"], "accounts.csv")));
        Assert.False(File.Exists(Path.Combine(dir["none"], "distillguard.duckdb")));

        using var summary = new DuckDbAnalysisStore(Path.Combine(dir["summary"], "distillguard.duckdb"));
        var run = summary.LoadRun(Assert.Single(summary.ListRuns()).Run.RunId)!;
        Assert.Equal(accounts.Length > 0, run.Accounts.Count > 0);
        var ids = run.Accounts.Select(a => a.AccountId).ToList();
        Assert.Empty(Assert.Single(summary.Breakdowns(run.Run.RunId, [ids])).Timeline);

        using var stored = new DuckDbAnalysisStore(full.Db);
        var fullRun = Assert.Single(stored.ListRuns()).Run.RunId;
        Assert.NotEmpty(Assert.Single(stored.Breakdowns(fullRun, [ids])).Timeline);
    }

    [Fact]
    public async Task NoneWithASharingKeyIsRefusedBeforeAnyOutput()
    {
        using var dir = new TempDir();
        var data = await Scenarios.Tiny(201);
        var sharingKey = dir["sharing.key"];
        await File.WriteAllBytesAsync(sharingKey, new byte[32]);
        Assert.NotEqual(0, await Cli.Run("analyze", "--input", data.Log, "--out", dir["out"], "--store", "none", "--sharing-key-file", sharingKey));
        Assert.False(File.Exists(Path.Combine(dir["out"], "accounts.csv")));
    }
}
