using System.Diagnostics;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>The real executable, its output sent to a pipe as when an analyst saves it to a file.</summary>
public class RedirectedOutputTests
{
    [Fact]
    public async Task ExplainWrittenToAPipeKeepsItsTableLinesWhole()
    {
        using var dir = new TempDir();
        var (db, campaignId, _) = await Cli.AnalysedTiny(dir, 202);

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
