using System.Net.Http.Headers;
using System.Text.Json;
using DistillGuard.Cli;
using DistillGuard.Cli.Replay;
using DistillGuard.Core.Model;
using DistillGuard.Evaluation;
using DistillGuard.Service.Config;
using DistillGuard.Simulation;
using Xunit.Abstractions;

namespace DistillGuard.Service.Tests;

/// <summary>
/// The simulated `tiny` scenario streamed through the service in the log's order, then relinked, gives the verdicts
/// batch `analyze` gives on the same log, and the decisions follow them: campaign accounts are not allowed, organic ones are.
/// </summary>
[Collection(InProcessCommandLine.Name)]
public sealed class StreamingMatchesBatchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AfterARelinkTheServiceGivesBatchVerdictsAndActsOnCampaignAccountsOnly()
    {
        using var dir = new TempDir();
        var simulated = TinyScenario.Simulate(dir["data"]);
        Assert.Equal(0, await CliApp.RunAsync(["analyze", "--input", dir["data"], "--out", dir["out"]]));
        var batch = AccountsCsv.Read(Path.Combine(dir["out"], "accounts.csv")).ToDictionary(a => a.AccountId.Value);
        var labels = LabelsCsv.Read(simulated.LabelsPath);

        await using var server = await RunningServer.StartAsync(dir["service.duckdb"]);
        var sent = await TinyScenario.StreamAsync(server, simulated);
        var relink = await server.JsonAsync(HttpMethod.Post, "/v1/relink", Role.Admin, "");
        Assert.Equal(sent, relink.GetProperty("exchanges").GetInt64());
        Assert.Equal(batch.Count, relink.GetProperty("accounts").GetInt32());

        // Verdicts, risk (to accounts.csv's four places), campaign and exchanges per account equal batch analyze's.
        var differences = new List<string>();
        foreach (var (id, expected) in batch)
        {
            var account = await server.JsonAsync(HttpMethod.Get, "/v1/accounts/" + Uri.EscapeDataString(id), Role.Analyst);
            var campaign = account.GetProperty("campaign_id").GetString();
            if (account.GetProperty("verdict").GetString() != expected.Verdict.ToContract()
                || Math.Abs(account.GetProperty("risk_score").GetDouble() - expected.RiskScore) > 0.00005
                || campaign != expected.CampaignId
                || account.GetProperty("exchanges").GetInt64() != expected.Exchanges)
            {
                differences.Add($"{id}: service {account.GetProperty("verdict")}/{account.GetProperty("risk_score")}/{campaign} batch {expected.Verdict}/{expected.RiskScore}/{expected.CampaignId}");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));

        var campaigns = await server.JsonAsync(HttpMethod.Get, "/v1/campaigns", Role.Analyst);
        var batchCampaigns = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "campaigns.json"))).RootElement;
        Assert.Equal(
            batchCampaigns.EnumerateArray().Select(c => c.GetProperty("campaign_id").GetString()).Order(),
            campaigns.EnumerateArray().Select(c => c.GetProperty("campaign_id").GetString()).Order());

        // Decisions follow the verdicts: every flagged account gets an action, every other one is allowed.
        var (campaignActed, organicAllowed) = (0, 0);
        var notAllowed = new List<string>();
        foreach (var label in labels)
        {
            var decision = await server.JsonAsync(HttpMethod.Post, "/v1/decide", Role.Gateway, $$"""{"account_id":{{JsonSerializer.Serialize(label.AccountId.Value)}}}""");
            var action = decision.GetProperty("action").GetString();
            if (action != "allow")
            {
                notAllowed.Add(label.AccountId.Value);
            }

            var flagged = batch[label.AccountId.Value].Verdict == Verdict.Distillation;
            Assert.Equal(flagged, action != "allow");
            campaignActed += label.IsCampaign && action != "allow" ? 1 : 0;
            organicAllowed += !label.IsCampaign && action == "allow" ? 1 : 0;
        }

        // The listing of accounts acted on holds exactly the accounts decide does not allow, in account_id order.
        var acted = await server.JsonAsync(HttpMethod.Get, "/v1/accounts?acted=true", Role.Analyst);
        Assert.Equal(
            notAllowed.Order(StringComparer.Ordinal),
            acted.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("account_id").GetString()!));
        Assert.All(acted.GetProperty("accounts").EnumerateArray(), a => Assert.NotEqual("allow", a.GetProperty("action").GetString()));

        var campaignAccounts = labels.Count(l => l.IsCampaign);
        var organicAccounts = labels.Count - campaignAccounts;
        Assert.True(campaignActed >= 0.8 * campaignAccounts, $"{campaignActed} of {campaignAccounts} campaign accounts acted on");
        Assert.True(organicAllowed >= 0.98 * organicAccounts, $"{organicAllowed} of {organicAccounts} organic accounts allowed");
    }

    /// <summary>
    /// A log replayed through the service in timestamp order with a relink every six log hours (as <c>replay</c> does),
    /// against batch <c>analyze</c> of the same log: after the last relink every account's verdict, risk, campaign and
    /// exchanges are the same, and so is the set of campaigns. Each campaign's time to detection (first exchange to the
    /// first look at which one of its accounts was not allowed) goes to the test output.
    /// </summary>
    [Theory]
    [InlineData("redteam/provider-a")]
    [InlineData("simulated default seed 7")]
    public async Task AReplayedLogEndsWithBatchVerdicts(string log)
    {
        using var dir = new TempDir();
        var input = log.StartsWith("redteam/", StringComparison.Ordinal)
            ? Path.Combine(SharedData.Root, log, "exchanges.jsonl.gz")
            : Simulator.Run(new SimulationOptions("default", 7, dir["data"], null, null)).ExchangesPath;
        Assert.Equal(0, await CliApp.RunAsync(["analyze", "--input", input, "--out", dir["out"]]));
        var batch = AccountsCsv.Read(Path.Combine(dir["out"], "accounts.csv")).ToDictionary(a => a.AccountId.Value);

        await using var server = await RunningServer.StartAsync(dir["service.duckdb"]);
        using var http = new HttpClient { BaseAddress = server.Http.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Some.Tokens[Role.Admin]);
        var lines = await TimedLines.ReadAsync(input, CancellationToken.None);
        var outcome = await LogReplay.RunAsync(lines, new ServiceClient(http), ReplayOptions.Default with { BatchSize = 2000, RelinkEvery = TimeSpan.FromHours(6) }, null, CancellationToken.None);
        Assert.Equal(lines.Count, outcome.Accepted + outcome.Rejected + outcome.Duplicates);

        var streamed = await AllAccountsAsync(server);
        var differences = batch.Values
            .Select(expected => (expected, got: streamed.TryGetValue(expected.AccountId.Value, out var found) ? found : (JsonElement?)null))
            .Where(p => p.got is not { } got
                || got.GetProperty("verdict").GetString() != p.expected.Verdict.ToContract()
                || Math.Abs(got.GetProperty("risk_score").GetDouble() - p.expected.RiskScore) > 0.00005
                || got.GetProperty("campaign_id").GetString() != p.expected.CampaignId
                || got.GetProperty("exchanges").GetInt64() != p.expected.Exchanges)
            .Select(p => $"{p.expected.AccountId.Value}: batch {p.expected.Verdict.ToContract()}/{p.expected.RiskScore}/{p.expected.CampaignId}/{p.expected.Exchanges}, service {p.got}")
            .ToArray();
        Assert.True(differences.Length == 0, $"{differences.Length} accounts differ:\n" + string.Join("\n", differences.Take(20)));
        Assert.Equal(batch.Count, streamed.Count);

        var batchCampaigns = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "campaigns.json"))).RootElement
            .EnumerateArray().Select(c => c.GetProperty("campaign_id").GetString()).Order().ToArray();
        Assert.Equal(batchCampaigns, outcome.Campaigns.Select(c => c.CampaignId).Order().ToArray());
        Assert.NotEmpty(batchCampaigns);
        foreach (var c in outcome.Campaigns)
        {
            Assert.NotNull(c.FirstFlagged);
            output.WriteLine($"{log}: {c.CampaignId} ({c.Accounts} accounts) first exchange {c.FirstExchange:u}, first not allowed {c.FirstFlagged:u}, time to detection {c.TimeToDetection!.Value.TotalHours:0.0} log hours");
        }
    }

    /// <summary>Every account the service holds a verdict for, paging through <c>GET /v1/accounts</c>.</summary>
    private static async Task<Dictionary<string, JsonElement>> AllAccountsAsync(RunningServer server)
    {
        var accounts = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = await server.JsonAsync(HttpMethod.Get, "/v1/accounts?limit=5000" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)), Role.Analyst);
            foreach (var account in page.GetProperty("accounts").EnumerateArray())
            {
                Assert.True(accounts.TryAdd(account.GetProperty("account_id").GetString()!, account), "an account is listed twice");
            }

            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        return accounts;
    }
}
