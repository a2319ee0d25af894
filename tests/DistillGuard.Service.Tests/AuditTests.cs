using System.Text.Json;
using DistillGuard.Service.Config;
using DuckDB.NET.Data;

namespace DistillGuard.Service.Tests;

/// <summary>Every action the policy takes is in a hash-chained audit log; editing or deleting a row is named by verify.</summary>
public sealed class AuditTests
{
    [Fact]
    public async Task EachActionIsAuditedOnceAndEditingOrDeletingARowIsNamedByVerify()
    {
        using var dir = new TempDir();
        var db = dir["service.duckdb"];
        int flagged;
        await using (var server = await RunningServer.StartAsync(db))
        {
            await TinyScenario.StreamAsync(server, TinyScenario.Simulate(dir["data"]));
            var relink = await server.JsonAsync(HttpMethod.Post, "/v1/relink", Role.Admin, "");
            flagged = relink.GetProperty("flagged_accounts").GetInt32();
            Assert.True(flagged >= 3, $"tiny flags {flagged} accounts");
            Assert.Equal(flagged, relink.GetProperty("actions_changed").GetInt32());
            Assert.Equal(0, (await server.JsonAsync(HttpMethod.Post, "/v1/relink", Role.Admin, "")).GetProperty("actions_changed").GetInt32());

            var page = await server.JsonAsync(HttpMethod.Get, "/v1/audit?limit=2", Role.Admin);
            var entries = page.GetProperty("entries").EnumerateArray().ToArray();
            Assert.Equal(2, entries.Length);
            Assert.Equal("block", entries[0].GetProperty("action").GetString());
            Assert.Equal(entries[0].GetProperty("hash").GetString(), entries[1].GetProperty("previous_hash").GetString());
            Assert.Equal("distillation", JsonDocument.Parse(entries[0].GetProperty("detail").GetString()!).RootElement.GetProperty("verdict").GetString());
            // The stored detail reads as written: the rule's name in plain quotes, not \u0027 escapes.
            Assert.Contains(" rule 'campaign-member'", entries[0].GetProperty("detail").GetString()!, StringComparison.Ordinal);
            Assert.Equal(2, page.GetProperty("next").GetInt64());
            AssertValid(await server.JsonAsync(HttpMethod.Get, "/v1/audit/verify", Role.Admin), flagged);
        }

        await using (var restarted = await RunningServer.StartAsync(db))
        {
            // The restart relinks its replayed history; the actions stand, so nothing new is audited.
            AssertValid(await restarted.JsonAsync(HttpMethod.Get, "/v1/audit/verify", Role.Admin), flagged);
        }

        // Rows cut from the end: the log goes on from the head it recorded, so the cut stays a gap that verify names.
        Execute(db, $"DELETE FROM service_audit WHERE seq = {flagged}");
        await using (var cut = await RunningServer.StartAsync(db))
        {
            var verify = await cut.JsonAsync(HttpMethod.Get, "/v1/audit/verify", Role.Admin);
            Assert.False(verify.GetProperty("valid").GetBoolean());
            Assert.Equal(flagged, verify.GetProperty("first_invalid").GetInt64());
            Assert.Contains($"entry {flagged} is missing", verify.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        Execute(db, "UPDATE service_audit SET action = 'allow' WHERE seq = 2");
        await using (var edited = await RunningServer.StartAsync(db))
        {
            var verify = await edited.JsonAsync(HttpMethod.Get, "/v1/audit/verify", Role.Admin);
            Assert.False(verify.GetProperty("valid").GetBoolean());
            Assert.Equal(2, verify.GetProperty("first_invalid").GetInt64());
        }

        Execute(db, "DELETE FROM service_audit WHERE seq <= 2");
        await using (var deleted = await RunningServer.StartAsync(db))
        {
            var verify = await deleted.JsonAsync(HttpMethod.Get, "/v1/audit/verify", Role.Admin);
            Assert.False(verify.GetProperty("valid").GetBoolean());
            Assert.Equal(1, verify.GetProperty("first_invalid").GetInt64());
            Assert.Contains("missing", verify.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
    }

    private static void AssertValid(JsonElement verify, int entries)
    {
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        Assert.Equal(entries, verify.GetProperty("entries").GetInt64());
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new DuckDBConnection("Data Source=" + db);
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the test's own constant SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
