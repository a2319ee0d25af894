using System.Net;
using System.Text.Json;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>POST /v1/decide replies exactly the contract's fields and allows an account it has no verdict for.</summary>
public sealed class DecideTests
{
    private static readonly string[] ContractFields =
        ["decision_id", "account_id", "action", "verdict", "risk_score", "campaign_id", "reasons", "policy_version", "expires_at"];

    [Fact]
    public async Task AnAccountNeverSeenIsAllowedWithTheContractsFields()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        var reply = await server.JsonAsync(HttpMethod.Post, "/v1/decide", Role.Gateway, """{"account_id":"never-seen","client_ip":"203.0.113.9","max_tokens":512}""");
        foreach (var field in ContractFields)
        {
            Assert.True(reply.TryGetProperty(field, out _), $"reply lacks '{field}'");
        }

        Assert.Equal("allow", reply.GetProperty("action").GetString());
        Assert.Equal("never-seen", reply.GetProperty("account_id").GetString());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("campaign_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("expires_at").ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"account_id":""}""")]
    [InlineData("""{"account_id":42}""")]
    [InlineData("""{"account_id":"a","max_tokens":"many"}""")]
    [InlineData("[1]")]
    [InlineData("{\"account_id\":")]
    public async Task ADecideRequestWithoutAUsableAccountIdIsA400NeverA500(string body)
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        using var response = await server.PostAsync("/v1/decide", Role.Gateway, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AttackerTextInAnAccountIdComesBackAsJsonDataNotMarkup()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        using var response = await server.PostAsync("/v1/decide", Role.Gateway, """{"account_id":"<script>alert(1)</script>"}""");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("<script>alert(1)</script>", reply.GetProperty("account_id").GetString());
    }
}
