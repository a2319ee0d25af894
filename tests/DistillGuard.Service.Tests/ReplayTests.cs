using System.Net.Http.Headers;
using DistillGuard.Cli;
using DistillGuard.Cli.Replay;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>`replay` streams a log to a real service in timestamp order and measures when each campaign was first flagged.</summary>
[Collection(InProcessCommandLine.Name)]
public sealed class ReplayTests
{
    [Fact]
    public async Task EveryRecordIsCountedOnceAndEachCampaignIsFlaggedWithinADayOfItsFirstExchange()
    {
        using var dir = new TempDir();
        var simulated = TinyScenario.Simulate(dir["data"]);
        await using var server = await RunningServer.StartAsync(dir["service.duckdb"]);
        using var http = new HttpClient { BaseAddress = server.Http.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Some.Tokens[Role.Admin]);
        var lines = await TimedLines.ReadAsync(simulated.ExchangesPath, CancellationToken.None);

        var outcome = await LogReplay.RunAsync(lines, new ServiceClient(http), ReplayOptions.Default with { RelinkEvery = TimeSpan.FromHours(6) }, null, CancellationToken.None);

        Assert.Equal(lines.Count, outcome.Sent);
        Assert.Equal(outcome.Sent, outcome.Accepted + outcome.Rejected + outcome.Duplicates);
        Assert.Equal(lines.Count, outcome.Accepted);
        Assert.True(outcome.Relinked);
        Assert.NotEmpty(outcome.Campaigns);
        Assert.All(outcome.Campaigns, c =>
        {
            Assert.NotNull(c.FirstFlagged);
            Assert.True(c.TimeToDetection <= TimeSpan.FromHours(24), $"{c.CampaignId}: flagged {c.TimeToDetection} after its first exchange");
        });
        Assert.True(lines.Zip(lines.Skip(1)).All(p => p.First.At <= p.Second.At), "replay sends in timestamp order");
    }

    [Fact]
    public async Task TheCommandRunsAgainstTheServiceAndAGatewayTokenStillReplaysWithoutRelinking()
    {
        using var dir = new TempDir();
        var simulated = TinyScenario.Simulate(dir["data"]);
        await using var server = await RunningServer.StartAsync(dir["service.duckdb"]);
        await File.WriteAllTextAsync(dir["admin.token"], Some.Tokens[Role.Admin]);
        Assert.Equal(0, await CliApp.RunAsync(["replay", "--input", simulated.ExchangesPath, "--server", server.Http.BaseAddress!.ToString(), "--token-file", dir["admin.token"], "--batch", "2000"]));

        using var http = new HttpClient { BaseAddress = server.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Some.Tokens[Role.Gateway]);
        var again = await LogReplay.RunAsync(await TimedLines.ReadAsync(simulated.ExchangesPath, CancellationToken.None), new ServiceClient(http), ReplayOptions.Default, null, CancellationToken.None);
        Assert.False(again.Relinked);
        Assert.Equal(again.Sent, again.Duplicates);
    }
}
