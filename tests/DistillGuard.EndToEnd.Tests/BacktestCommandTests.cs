namespace DistillGuard.EndToEnd.Tests;

/// <summary>`backtest` through the real CLI on a stored run: what a stricter policy would change, and what it would cost in false positives.</summary>
public sealed class BacktestCommandTests
{
    [Fact]
    public async Task AStricterPolicyShowsTheAccountsItChangesAndTheOrganicOnesItWouldHit()
    {
        using var dir = new TempDir();
        var run = await Scenarios.Analyse(await Scenarios.Tiny(201));
        await File.WriteAllTextAsync(dir["strict.json"], """
            {"version": "withhold-suspicious", "rules": [
              {"name": "member", "when": {"verdict": "distillation", "in_campaign": true}, "action": "block"},
              {"name": "suspicious", "when": {"verdict": "suspicious"}, "action": "withhold_reasoning", "expires_after_hours": 24}]}
            """);

        var (code, text) = await Cli.RunCaptured(250, "backtest", "--db", run.Db, "--policy", dir["strict.json"], "--labels", run.Data.Labels);

        Assert.Equal(0, code);
        Assert.Contains("candidate (withhold-suspicious)", text, StringComparison.Ordinal);
        Assert.Contains("organic accounts acted on (false positives)", text, StringComparison.Ordinal);
        Assert.Contains("allow → withhold_reasoning", text, StringComparison.Ordinal);
        Assert.DoesNotContain("→ block", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadPolicyIsRefusedNamingTheFileAndTheField()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir["bad.json"], """{"version": "v", "rules": [{"name": "x", "action": "ban"}]}""");

        var (code, errors) = await Cli.RunCapturingErrors("backtest", "--db", dir["none.duckdb"], "--policy", dir["bad.json"]);

        Assert.NotEqual(0, code);
        Assert.Contains("bad.json", errors, StringComparison.Ordinal);
        Assert.Contains("rule 1 \"action\" must be one of", errors, StringComparison.Ordinal);
    }
}
