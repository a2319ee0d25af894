using System.Net;
using System.Text;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>The LiteLLM guardrail and Envoy ext_authz adapters answer from the same verdicts and policy as decide.</summary>
public sealed class GatewayAdapterTests
{
    [Fact]
    public async Task ACampaignAccountIsBlockedAndAnOrganicOneAllowedThroughBothAdapters()
    {
        using var dir = new TempDir();
        var simulated = TinyScenario.Simulate(dir["data"]);
        await using var server = await RunningServer.StartAsync(dir["service.duckdb"]);
        await TinyScenario.StreamAsync(server, simulated);
        await server.JsonAsync(HttpMethod.Post, "/v1/relink", Role.Admin, "");
        var member = (await server.JsonAsync(HttpMethod.Get, "/v1/campaigns", Role.Analyst))[0].GetProperty("accounts")[0].GetString()!;
        var organic = File.ReadLines(simulated.LabelsPath).Skip(1).Select(l => l.Split(',')).First(f => f[1] == "organic")[0];

        var blocked = await LiteLlm(server, member, "/v1/guardrails/litellm/beta/litellm_basic_guardrail_api");
        Assert.Equal("BLOCKED", blocked.GetProperty("action").GetString());
        Assert.StartsWith("distillguard: block", blocked.GetProperty("blocked_reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("NONE", (await LiteLlm(server, organic, "/v1/guardrails/litellm")).GetProperty("action").GetString());
        Assert.Equal("NONE", (await LiteLlm(server, "never-seen", "/v1/guardrails/litellm")).GetProperty("action").GetString());

        Assert.Equal((HttpStatusCode.Forbidden, "block"), await Envoy(server, member));
        Assert.Equal((HttpStatusCode.OK, "allow"), await Envoy(server, organic));
        Assert.Equal((HttpStatusCode.OK, "allow"), await Envoy(server, null));
    }

    private static async Task<System.Text.Json.JsonElement> LiteLlm(RunningServer server, string account, string path)
    {
        // LiteLLM sends its api_key as x-api-key; the body carries the virtual key's hash.
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent($$$"""{"texts":["hello"],"input_type":"request","request_data":{"user_api_key_hash":"{{{account}}}"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", Some.Tokens[Role.Gateway]);
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<(HttpStatusCode, string)> Envoy(RunningServer server, string? account)
    {
        // Envoy forwards the client's request under its path_prefix, with the client's own Authorization header.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/authz/envoy/v1/chat/completions");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer sk-the-clients-own-provider-key");
        request.Headers.Add("x-api-key", Some.Tokens[Role.Gateway]);
        if (account is not null)
        {
            request.Headers.Add("x-distillguard-account", account);
        }

        using var response = await server.Http.SendAsync(request);
        return (response.StatusCode, response.Headers.GetValues("x-distillguard-action").Single());
    }
}
