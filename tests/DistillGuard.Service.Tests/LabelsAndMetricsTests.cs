using System.Net;
using DistillGuard.Service.Config;
using DuckDB.NET.Data;

namespace DistillGuard.Service.Tests;

/// <summary>POST /v1/labels stores an analyst's label with who gave it; GET /metrics reports the service's gauges.</summary>
public sealed class LabelsAndMetricsTests
{
    [Fact]
    public async Task ALabelIsStoredWithWhoGaveItAndALaterOneStandsBesideTheEarlier()
    {
        using var dir = new TempDir();
        var db = dir["service.duckdb"];
        await using (var server = await RunningServer.StartAsync(db))
        {
            var first = await server.JsonAsync(HttpMethod.Post, "/v1/labels", Role.Analyst, """{"account_id":"=cmd|' /C calc'!A0","label":"campaign","campaign_id":"op-1","note":"<script>alert(1)</script>"}""");
            var second = await server.JsonAsync(HttpMethod.Post, "/v1/labels", Role.Admin, """{"account_id":"=cmd|' /C calc'!A0","label":"organic"}""");

            Assert.Equal((1, 2), (first.GetProperty("seq").GetInt64(), second.GetProperty("seq").GetInt64()));
            Assert.Equal("alice", first.GetProperty("labelled_by").GetString());
            Assert.Equal("<script>alert(1)</script>", first.GetProperty("note").GetString());
        }

        using var connection = new DuckDBConnection("Data Source=" + db);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT string_agg(label || ':' || labelled_by, ',' ORDER BY seq) FROM service_labels";
        Assert.Equal("campaign:alice,organic:ops", command.ExecuteScalar());
    }

    [Theory]
    [InlineData("""{"label":"organic"}""", "account_id")]
    [InlineData("""{"account_id":"a","label":"evil"}""", "label must be")]
    [InlineData("""{"account_id":"a","label":"organic","campaign_id":"op-1"}""", "names no campaign_id")]
    [InlineData("""{"account_id":"a","label":"campaign""", "not a label")]
    public async Task ABadLabelIsA400NamingWhatIsWrong(string body, string named)
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["service.duckdb"]);

        using var response = await server.PostAsync("/v1/labels", Role.Analyst, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsCountWhatWasIngestedAndSayTheAuditChainIsValid()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["service.duckdb"]);
        var sent = await TinyScenario.StreamAsync(server, TinyScenario.Simulate(dir["data"]));
        await server.JsonAsync(HttpMethod.Post, "/v1/relink", Role.Admin, "");

        using var response = await server.GetAsync("/metrics", Role.Admin);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains($"\ndistillguard_exchanges {sent}\n", text, StringComparison.Ordinal);
        Assert.Contains("\ndistillguard_audit_chain_valid 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE distillguard_campaigns gauge\n", text, StringComparison.Ordinal);
    }
}
