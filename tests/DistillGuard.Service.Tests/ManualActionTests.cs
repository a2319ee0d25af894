using System.Net;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>An admin's manual action is audited, stands over the policy for the account or its campaign, and survives a restart.</summary>
public sealed class ManualActionTests
{
    [Fact]
    public async Task ABlockedCampaignBlocksItsAccountsAndAnAccountBlockedByHandStaysBlockedAfterARestart()
    {
        using var dir = new TempDir();
        var db = dir["service.duckdb"];
        var simulated = TinyScenario.Simulate(dir["data"]);
        var organic = File.ReadLines(simulated.LabelsPath).Skip(1).Select(l => l.Split(',')).First(f => f[1] == "organic")[0];
        await using (var server = await RunningServer.StartAsync(db))
        {
            await TinyScenario.StreamAsync(server, simulated);
            await server.JsonAsync(HttpMethod.Post, "/v1/relink", Role.Admin, "");
            var campaign = (await server.JsonAsync(HttpMethod.Get, "/v1/campaigns", Role.Analyst))[0];
            var member = campaign.GetProperty("accounts")[0].GetString()!;

            await server.JsonAsync(HttpMethod.Post, "/v1/actions", Role.Admin,
                $$"""{"campaign_id":"{{campaign.GetProperty("campaign_id").GetString()}}","action":"withhold_reasoning","reason":"case 17: reviewed"}""");
            var decided = await server.JsonAsync(HttpMethod.Post, "/v1/decide", Role.Gateway, $$"""{"account_id":"{{member}}"}""");
            Assert.Equal("withhold_reasoning", decided.GetProperty("action").GetString());
            Assert.StartsWith("manual action by ops: case 17", decided.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
            var shown = await server.JsonAsync(HttpMethod.Get, "/v1/accounts/" + Uri.EscapeDataString(member), Role.Analyst);
            Assert.Equal("withhold_reasoning", shown.GetProperty("action").GetString());

            var reply = await server.JsonAsync(HttpMethod.Post, "/v1/actions", Role.Admin,
                $$"""{"account_id":"{{organic}}","action":"block","expires_at":"2999-01-01T00:00:00Z","reason":"<b>abuse report</b>"}""");
            Assert.Equal("<b>abuse report</b>", reply.GetProperty("reason").GetString());

            var audit = await server.JsonAsync(HttpMethod.Get, "/v1/audit?limit=1000", Role.Admin);
            var manual = audit.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("origin").GetString() == "manual").ToArray();
            Assert.Equal(2, manual.Length);
            Assert.Equal("ops", manual[1].GetProperty("actor").GetString());
            Assert.True((await server.JsonAsync(HttpMethod.Get, "/v1/audit/verify", Role.Admin)).GetProperty("valid").GetBoolean());
        }

        await using var restarted = await RunningServer.StartAsync(db);
        var after = await restarted.JsonAsync(HttpMethod.Post, "/v1/decide", Role.Gateway, $$"""{"account_id":"{{organic}}"}""");
        Assert.Equal("block", after.GetProperty("action").GetString());
        Assert.True((await restarted.JsonAsync(HttpMethod.Get, "/v1/audit/verify", Role.Admin)).GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("""{"action":"block","reason":"r"}""", "exactly one of")]
    [InlineData("""{"account_id":"a","campaign_id":"c","action":"block","reason":"r"}""", "exactly one of")]
    [InlineData("""{"account_id":"a","action":"ban","reason":"r"}""", "action must be one of")]
    [InlineData("""{"account_id":"a","action":"block"}""", "reason is required")]
    [InlineData("""{"account_id":"a","action":"block","reason":"r","expires_at":"2000-01-01T00:00:00Z"}""", "in the future")]
    public async Task ABadActionIsA400AndNothingIsAudited(string body, string named)
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["service.duckdb"]);

        using var response = await server.PostAsync("/v1/actions", Role.Admin, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await server.JsonAsync(HttpMethod.Get, "/v1/audit/verify", Role.Admin)).GetProperty("entries").GetInt64());
    }
}
