using System.Diagnostics;
using System.Text.Json;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>The real executable, its output sent to a pipe as when an analyst saves it to a file.</summary>
public class RedirectedOutputTests
{
    [Fact]
    public async Task ExplainWrittenToAPipeKeepsItsTableLinesWhole()
    {
        using var dir = new TempDir();
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "tiny", "--seed", "202", "--out", dir["data"]));
        var db = dir["runs.duckdb"];
        Assert.Equal(0, await Cli.Run("analyze", "--input", dir["data"], "--out", dir["out"], "--db", db));
        using var campaigns = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "campaigns.json")));
        var campaignId = campaigns.RootElement[0].GetProperty("campaign_id").GetString()!;

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "distillguard.dll"), "explain", "--db", db, "--campaign", campaignId })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);

        // 84 characters: at Spectre's 80-column default for output without a terminal it would wrap.
        const string Header = "evidence (shared attributes, and how many accounts outside the campaign carry them)";
        var lines = (await output).Split('\n');
        Assert.Contains(lines, line => line.Contains(Header, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Length > 120);
    }
}
