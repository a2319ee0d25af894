using System.Text.Json;
using DistillGuard.Cli;
using DistillGuard.Core.Model;
using DistillGuard.Evaluation;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>
/// The simulated `tiny` scenario streamed through the service in the log's order, then relinked, gives the verdicts
/// batch `analyze` gives on the same log, and the decisions follow them: campaign accounts are not allowed, organic ones are.
/// </summary>
[Collection(InProcessCommandLine.Name)]
public sealed class StreamingMatchesBatchTests
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
        foreach (var label in labels)
        {
            var decision = await server.JsonAsync(HttpMethod.Post, "/v1/decide", Role.Gateway, $$"""{"account_id":{{JsonSerializer.Serialize(label.AccountId.Value)}}}""");
            var action = decision.GetProperty("action").GetString();
            var flagged = batch[label.AccountId.Value].Verdict == Verdict.Distillation;
            Assert.Equal(flagged, action != "allow");
            campaignActed += label.IsCampaign && action != "allow" ? 1 : 0;
            organicAllowed += !label.IsCampaign && action == "allow" ? 1 : 0;
        }

        var campaignAccounts = labels.Count(l => l.IsCampaign);
        var organicAccounts = labels.Count - campaignAccounts;
        Assert.True(campaignActed >= 0.8 * campaignAccounts, $"{campaignActed} of {campaignAccounts} campaign accounts acted on");
        Assert.True(organicAllowed >= 0.98 * organicAccounts, $"{organicAllowed} of {organicAccounts} organic accounts allowed");
    }
}
