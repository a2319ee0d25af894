namespace DistillGuard.EndToEnd.Tests;

/// <summary>The real executable, its output sent to a pipe as when an analyst saves it to a file.</summary>
public class RedirectedOutputTests
{
    [Fact]
    public async Task ExplainWrittenToAPipeKeepsItsTableLinesWhole()
    {
        var run = await Scenarios.Analyse(await Scenarios.Tiny(201));
        var (campaignId, _) = await run.FirstCampaignAsync();

        var (code, output, errors) = await Cli.RunExecutable("explain", "--db", run.Db, "--campaign", campaignId);
        Assert.True(code == 0, errors);

        // 84 characters: at Spectre's 80-column default for output without a terminal it would wrap.
        const string Header = "evidence (shared attributes, and how many accounts outside the campaign carry them)";
        var lines = output.Split('\n');
        Assert.Contains(lines, line => line.Contains(Header, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Length > 120);
    }
}
