using System.Text;
using DistillGuard.Analysis;
using DistillGuard.Cli;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Evaluation;
using DistillGuard.Ingest;
using DistillGuard.Service.Config;
using DistillGuard.Service.State;
using DuckDB.NET.Data;

namespace DistillGuard.Service.Tests;

/// <summary>
/// The accounts' states written to the store at each relink read back exactly, so a restart folds in only the records
/// after the snapshot, and the records a snapshot covers lose their text.
/// </summary>
[Collection(InProcessCommandLine.Name)]
public sealed class StateSnapshotTests
{
    [Fact]
    public void StatesReadBackFromASnapshotGoOnExactlyAsTheOriginalsDo()
    {
        using var dir = new TempDir();
        var exchanges = Exchanges(TinyScenario.Simulate(dir["data"]).ExchangesPath);
        var (first, rest) = (exchanges[..(exchanges.Count / 2)], exchanges[(exchanges.Count / 2)..]);
        var original = new AccountTable();
        Fold(original, first);

        var copy = new AccountTable();
        AccountTableCodec.ReadInto(copy, AccountTableCodec.Write(original));
        Assert.Equal(AccountTableCodec.Write(original), AccountTableCodec.Write(copy));

        // The order-dependent parts (last exchange's time, conversation, turn) came back too: the rest folds in the same.
        Fold(original, rest);
        Fold(copy, rest);
        Assert.Equal(AccountTableCodec.Write(original), AccountTableCodec.Write(copy));
        Assert.Equal(original.States.Select(s => s.AccountId), copy.States.Select(s => s.AccountId));
        Assert.Equal(
            original.States.Select(AccountFeatureExtractor.Extract).Select(f => f.ToString()),
            copy.States.Select(AccountFeatureExtractor.Extract).Select(f => f.ToString()));
    }

    [Fact]
    public void BytesThatAreNotASnapshotAreRefused()
    {
        var table = new AccountTable();
        Assert.Throws<InvalidDataException>(() => AccountTableCodec.ReadInto(table, [1, 0, 0, 0, 5]));
        Assert.Throws<InvalidDataException>(() => AccountTableCodec.ReadInto(table, [9, 0, 0, 0]));
    }

    [Fact]
    public async Task ARestartFromTheSnapshotAndTheTailEndsWithBatchVerdictsAndCoveredRecordsKeepNoText()
    {
        using var dir = new TempDir();
        var simulated = TinyScenario.Simulate(dir["data"]);
        Assert.Equal(0, await CliApp.RunAsync(["analyze", "--input", dir["data"], "--out", dir["out"]]));
        var batch = AccountsCsv.Read(Path.Combine(dir["out"], "accounts.csv")).ToDictionary(a => a.AccountId.Value);
        var lines = TinyScenario.Lines(simulated.ExchangesPath).ToList();
        var (first, rest) = (lines[..(lines.Count / 2)], lines[(lines.Count / 2)..]);
        Assert.Contains(first, l => l.Contains("\"client_ip\"", StringComparison.Ordinal));
        Assert.Contains(first, l => l.Contains("\"payment_fingerprint\"", StringComparison.Ordinal));

        await using (var server = await RunningServer.StartAsync(dir["service.duckdb"]))
        {
            foreach (var chunk in first.Chunk(1000))
            {
                await server.JsonAsync(HttpMethod.Post, "/v1/exchanges", Role.Gateway, string.Join("\n", chunk), "application/x-ndjson");
            }

            await server.JsonAsync(HttpMethod.Post, "/v1/relink", Role.Admin, "");
            foreach (var chunk in rest.Chunk(1000))
            {
                await server.JsonAsync(HttpMethod.Post, "/v1/exchanges", Role.Gateway, string.Join("\n", chunk), "application/x-ndjson");
            }
        }

        // The snapshot covers the first half: those records keep ids, times and tokens but no prompt, IP or card; the rest are as received.
        using (var connection = new DuckDBConnection($"Data Source={dir["service.duckdb"]}"))
        {
            connection.Open();
            Assert.Equal(first.Count, Scalar(connection, "SELECT seq FROM service_state_snapshot"));
            Assert.Equal(first.Count, Scalar(connection, $"SELECT count(*) FROM service_exchanges WHERE json_extract_string(record, '$.prompt') = '{StateSnapshots.NotKept}'"));
            Assert.Equal(0, Scalar(connection, $"SELECT count(*) FROM service_exchanges WHERE seq <= {first.Count} AND (json_extract_string(record, '$.client_ip') IS NOT NULL OR json_extract_string(record, '$.payment_fingerprint') IS NOT NULL OR json_extract_string(record, '$.system_prompt') IS NOT NULL)"));
            Assert.Equal(rest.Count, Scalar(connection, $"SELECT count(*) FROM service_exchanges WHERE seq > {first.Count} AND json_extract_string(record, '$.prompt') <> '{StateSnapshots.NotKept}'"));
        }

        // A restart reads the snapshot and the tail, relinks, and ends where batch analyze of the whole log ends.
        await using var restarted = await RunningServer.StartAsync(dir["service.duckdb"]);
        var status = await restarted.JsonAsync(HttpMethod.Get, "/v1/status", Role.Analyst);
        Assert.Equal(lines.Count, status.GetProperty("exchanges").GetInt64());
        foreach (var (id, expected) in batch)
        {
            var account = await restarted.JsonAsync(HttpMethod.Get, "/v1/accounts/" + Uri.EscapeDataString(id), Role.Analyst);
            Assert.Equal(expected.Verdict.ToContract(), account.GetProperty("verdict").GetString());
            Assert.Equal(expected.RiskScore, account.GetProperty("risk_score").GetDouble(), 4);
            Assert.Equal(expected.CampaignId, account.GetProperty("campaign_id").GetString());
            Assert.Equal(expected.Exchanges, account.GetProperty("exchanges").GetInt64());
        }

        var again = await restarted.JsonAsync(HttpMethod.Post, "/v1/exchanges", Role.Gateway, string.Join("\n", first.Take(500)), "application/x-ndjson");
        Assert.Equal(500, again.GetProperty("duplicates").GetInt32());
    }

    private static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<Exchange> Exchanges(string path) =>
        [.. TinyScenario.Lines(path).Select(l => ExchangeRecord.Check(Encoding.UTF8.GetBytes(l), TimestampWindow.Default).Exchange!)];

    private static void Fold(AccountTable table, IEnumerable<Exchange> exchanges)
    {
        foreach (var exchange in exchanges)
        {
            table.Add(exchange, ExchangeSignals.Of(exchange));
        }
    }
}
