using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Model;
using DistillGuard.Service.Config;
using DistillGuard.Service.Decisions;

namespace DistillGuard.Service.Tests;

/// <summary>A policy file maps verdict, risk and campaign membership to an action; shadow mode records it and allows.</summary>
public sealed class PolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("""{"rules":[]}""", "needs \"version\"")]
    [InlineData("""{"version":"p1","mode":"loud","rules":[]}""", "\"mode\" is 'loud'")]
    [InlineData("""{"version":"p1","rules":[{"name":"r","action":"nuke"}]}""", "rule 1 \"action\"")]
    [InlineData("""{"version":"p1","rules":[{"name":"a","action":"block"},{"name":"b","when":{"verdict":"evil"},"action":"block"}]}""", "rule 2 \"when\" \"verdict\"")]
    [InlineData("""{"version":"p1","rules":[{"name":"r","when":{"min_risk":1.5},"action":"block"}]}""", "min_risk")]
    [InlineData("""{"version":"p1","rules":[{"name":"r","action":"block","expires_after_hours":0}]}""", "expires_after_hours")]
    public void ABadPolicyFileIsRefusedWithTheFieldNamed(string json, string field)
    {
        var error = Assert.Throws<InvalidDataException>(() => PolicyFiles.Parse(json, "policy.json"));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains("policy.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFirstMatchingRuleGivesTheActionAndItsExpiry()
    {
        var policy = PolicyFiles.Parse("""
            {"version":"p1","rules":[
              {"name":"member","when":{"verdict":"distillation","in_campaign":true},"action":"block","expires_after_hours":1},
              {"name":"distillation","when":{"verdict":"distillation"},"action":"withhold_reasoning","expires_after_hours":0.25},
              {"name":"risky","when":{"min_risk":0.5},"action":"throttle"}
            ]}
            """, "policy.json");
        Assert.Equal((EnforcementAction.Block, Now.AddHours(1)), Decide(policy, Verdict.Distillation, 0.99, "camp-1"));
        Assert.Equal((EnforcementAction.WithholdReasoning, Now.AddMinutes(15)), Decide(policy, Verdict.Distillation, 0.99, null));
        Assert.Equal((EnforcementAction.Throttle, (DateTimeOffset?)null), Decide(policy, Verdict.Suspicious, 0.6, null));
        Assert.Equal((EnforcementAction.Allow, (DateTimeOffset?)null), Decide(policy, Verdict.Suspicious, 0.4, null));
        Assert.Equal(EnforcementAction.Allow, policy.Decide(null, Now).Action);
    }

    [Fact]
    public async Task InShadowModeTheGatewayIsAllowedAndTheAuditRecordsTheActionThePolicyWouldTake()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir["policy.json"], """
            {"version":"trial-1","mode":"shadow","rules":[{"name":"trial","when":{"verdict":"distillation"},"action":"withhold_reasoning","expires_after_hours":0.5}]}
            """);
        var config = ServiceConfigFile.Parse(Some.ConfigJson().Replace("\"tokens\"", "\"policy\": \"policy.json\", \"tokens\"", StringComparison.Ordinal), "service.json", dir.Path);
        await using var server = await RunningServer.StartAsync(dir["service.duckdb"], config);
        await TinyScenario.StreamAsync(server, TinyScenario.Simulate(dir["data"]));
        var relink = await server.JsonAsync(HttpMethod.Post, "/v1/relink", Role.Admin, "");
        Assert.True(relink.GetProperty("flagged_accounts").GetInt32() > 0);

        var audit = await server.JsonAsync(HttpMethod.Get, "/v1/audit?limit=1", Role.Admin);
        var entry = audit.GetProperty("entries")[0];
        Assert.Equal("policy:trial-1:shadow", entry.GetProperty("actor").GetString());
        Assert.Equal("withhold_reasoning", entry.GetProperty("action").GetString());
        var account = entry.GetProperty("subject").GetString()!["account:".Length..];

        var decision = await server.JsonAsync(HttpMethod.Post, "/v1/decide", Role.Gateway, $$"""{"account_id":"{{account}}"}""");
        Assert.Equal("distillation", decision.GetProperty("verdict").GetString());
        Assert.Equal("allow", decision.GetProperty("action").GetString());
        Assert.Equal("withhold_reasoning", decision.GetProperty("shadow_action").GetString());
        Assert.Equal("trial-1", decision.GetProperty("policy_version").GetString());
    }

    private static (EnforcementAction, DateTimeOffset?) Decide(EnforcementPolicy policy, Verdict verdict, double risk, string? campaign)
    {
        var decision = policy.Decide(new AccountVerdict(new AccountId("a"), risk, verdict, campaign is null ? null : new CampaignId(campaign), 10, []), Now);
        return (decision.Action, decision.ExpiresAt);
    }
}
