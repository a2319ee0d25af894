using System.Net;
using System.Text.Json;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>POST /v1/exchanges: counts, per-record rejects, idempotency by event id, limits, and no 500 on garbage.</summary>
public sealed class IngestTests
{
    private static readonly string[] Five = [.. Enumerable.Range(0, 5).Select(i => Some.Record($"e-{i}", minute: i))];

    [Fact]
    public async Task ABatchIsCountedAndPostingItAgainCountsEveryRecordAsADuplicate()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        var first = await Post(server, Some.Ndjson(Five));
        Assert.Equal((5, 0, 0), Counts(first));
        var again = await Post(server, Some.Ndjson(Five));
        Assert.Equal((0, 0, 5), Counts(again));
        var status = await server.JsonAsync(HttpMethod.Get, "/v1/status", Role.Analyst);
        Assert.Equal(5, status.GetProperty("exchanges").GetInt64());
        Assert.Equal(5, status.GetProperty("journal_records").GetInt64());
    }

    [Fact]
    public async Task AMalformedBatchGetsARejectPerBadRecordWithItsIndexAndReason()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        string[] lines =
        [
            Some.Record("ok-1"),
            "{not json",
            """{"event_id":"no-account","timestamp":"2026-03-01T08:00:00Z","model":"m","prompt":"p","input_tokens":1,"output_tokens":1}""",
            "",
            Some.Record("ok-1"),
            """{"event_id":"neg","timestamp":"2026-03-01T08:00:00Z","account_id":"a","model":"m","prompt":"p","input_tokens":-1,"output_tokens":1}""",
            "[1,2,3]",
            Some.Record("ok-2", prompt: "<script>alert(1)</script>"),
        ];
        var reply = await Post(server, string.Join("\n", lines));
        Assert.Equal((2, 4, 1), Counts(reply));
        var rejects = reply.GetProperty("rejects").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("reason").GetString()!)).ToArray();
        // The blank line is no record: indexes count the seven records sent.
        Assert.Equal([1, 2, 4, 5], rejects.Select(r => r.Item1));
        Assert.StartsWith("invalid JSON", rejects[0].Item2, StringComparison.Ordinal);
        Assert.Contains("account_id", rejects[1].Item2, StringComparison.Ordinal);
        Assert.Contains("input_tokens", rejects[2].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJsonArrayIsReadRecordByRecordLikeJsonLines()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        var reply = await Post(server, "[" + string.Join(",", [.. Five, "42", "{\"event_id\":\"x\"}"]) + "]", "application/json");
        Assert.Equal((5, 2, 0), Counts(reply));
        Assert.Equal([5, 6], reply.GetProperty("rejects").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
    }

    [Fact]
    public async Task ABodyOverTheConfiguredLimitGets413AndNothingIsKept()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"], Some.Config(maxBodyBytes: 2048));
        var big = Some.Ndjson(Enumerable.Range(0, 40).Select(i => Some.Record($"big-{i}")));
        using var response = await server.PostAsync("/v1/exchanges", Role.Gateway, big, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var status = await server.JsonAsync(HttpMethod.Get, "/v1/status", Role.Admin);
        Assert.Equal(0, status.GetProperty("exchanges").GetInt64());
    }

    [Fact]
    public async Task GarbageNeverGetsA500()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        var random = new Random(17);
        var bodies = new List<(string Body, string Type)>
        {
            ("", "application/json"), ("", "application/x-ndjson"), ("{}", "application/json"), ("[", "application/json"),
            ("null", "application/json"), (new string('[', 5000), "application/json"), ("\uD800", "application/x-ndjson"),
            ("[{\"event_id\":{\"a\":[1,2]}}]", "application/json"), ("x", "image/png"), ("{\"event_id\":\"\u0000\"}", "text/plain"),
        };
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            bodies.Add((System.Text.Encoding.Latin1.GetString(bytes), i % 2 == 0 ? "application/json" : "application/x-ndjson"));
        }

        foreach (var (body, type) in bodies)
        {
            using var response = await server.PostAsync("/v1/exchanges", Role.Gateway, body, type);
            Assert.True((int)response.StatusCode < 500, $"{type} body '{body[..Math.Min(20, body.Length)]}': {response.StatusCode}");
        }
    }

    [Fact]
    public async Task ARestartOnTheSameStoreKeepsEveryAcknowledgedRecordExactlyOnce()
    {
        using var dir = new TempDir();
        var db = dir["db.duckdb"];
        await using (var server = await RunningServer.StartAsync(db))
        {
            Assert.Equal((5, 0, 0), Counts(await Post(server, Some.Ndjson(Five))));
            Assert.Equal((2, 0, 1), Counts(await Post(server, Some.Ndjson([Five[0], Some.Record("b-1", "acct-2"), Some.Record("b-2", "acct-2")]))));
        }

        await using var restarted = await RunningServer.StartAsync(db);
        var status = await restarted.JsonAsync(HttpMethod.Get, "/v1/status", Role.Admin);
        Assert.Equal(7, status.GetProperty("exchanges").GetInt64());
        Assert.Equal(2, status.GetProperty("accounts").GetInt32());
        // The restart relinks the replayed history before it serves, so verdicts are there without a relink request.
        Assert.Equal(2, (await restarted.JsonAsync(HttpMethod.Get, "/v1/accounts/acct-2", Role.Analyst)).GetProperty("exchanges").GetInt64());
        Assert.Equal((0, 0, 5), Counts(await Post(restarted, Some.Ndjson(Five))));
        Assert.Equal((1, 0, 0), Counts(await Post(restarted, Some.Ndjson([Some.Record("c-1")]))));
        Assert.Equal(8, (await restarted.JsonAsync(HttpMethod.Get, "/v1/status", Role.Admin)).GetProperty("journal_records").GetInt64());
    }

    private static Task<JsonElement> Post(RunningServer server, string body, string type = "application/x-ndjson") =>
        server.JsonAsync(HttpMethod.Post, "/v1/exchanges", Role.Gateway, body, type);

    private static (int Accepted, int Rejected, int Duplicates) Counts(JsonElement reply) =>
        (reply.GetProperty("accepted").GetInt32(), reply.GetProperty("rejected").GetInt32(), reply.GetProperty("duplicates").GetInt32());
}
