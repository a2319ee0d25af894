namespace DistillGuard.Storage;

using System.Data.Common;
using DistillGuard.Core.Model;
using DuckDB.NET.Data;

/// <summary>Reads the verdicts, reasons and campaigns of a stored run back into result records.</summary>
internal static class ResultReader
{
    private static readonly Dictionary<string, Capability> CapabilityByName =
        Capabilities.All.ToDictionary(c => c.ToContract(), StringComparer.Ordinal);

    public static IReadOnlyList<AccountVerdict> Verdicts(DuckDBConnection connection, string runId)
    {
        var reasons = Grouped(connection,
            "SELECT account_id, signal, value, contribution, evidence FROM account_reasons WHERE run_id = $run ORDER BY account_id, rank",
            runId,
            r => new Reason(r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetString(4)));

        using var command = Sql.Command(connection,
            "SELECT account_id, risk_score, verdict, campaign_id, exchanges FROM verdicts WHERE run_id = $run ORDER BY ordinal",
            ("run", runId));
        using var reader = command.ExecuteReader();
        var verdicts = new List<AccountVerdict>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (!VerdictText.TryParse(reader.GetString(2), out var verdict))
            {
                throw new InvalidDataException($"Stored verdict '{reader.GetString(2)}' of account '{id}' is not a contract verdict.");
            }

            var campaign = Sql.NullableString(reader, 3);
            verdicts.Add(new AccountVerdict(
                new AccountId(id),
                reader.GetDouble(1),
                verdict,
                campaign is null ? null : new CampaignId(campaign),
                reader.GetInt64(4),
                reasons.TryGetValue(id, out var list) ? list : []));
        }

        return verdicts;
    }

    public static IReadOnlyList<CampaignSummary> Campaigns(DuckDBConnection connection, string runId)
    {
        var accounts = Grouped(connection,
            "SELECT campaign_id, account_id FROM campaign_accounts WHERE run_id = $run ORDER BY campaign_id, rank",
            runId, r => new AccountId(r.GetString(1)));
        var models = Grouped(connection,
            "SELECT campaign_id, model FROM campaign_models WHERE run_id = $run ORDER BY campaign_id, rank",
            runId, r => r.GetString(1));
        var evidence = Grouped(connection,
            "SELECT campaign_id, evidence FROM campaign_evidence WHERE run_id = $run ORDER BY campaign_id, rank",
            runId, r => r.GetString(1));
        var mixes = Grouped(connection,
            "SELECT campaign_id, capability, share FROM campaign_capabilities WHERE run_id = $run ORDER BY campaign_id",
            runId, r => (Capability: CapabilityByName.GetValueOrDefault(r.GetString(1), Capability.Other), Share: r.GetDouble(2)));
        var timelines = Grouped(connection,
            "SELECT campaign_id, day, exchanges, output_tokens FROM campaign_timeline WHERE run_id = $run ORDER BY campaign_id, day",
            runId, r => new DailyCount(r.GetFieldValue<DateOnly>(1), r.GetInt64(2), r.GetInt64(3)));

        using var command = Sql.Command(connection,
            "SELECT campaign_id, exchanges, first_seen, last_seen, input_tokens, output_tokens, reasoning_tokens " +
            "FROM campaigns WHERE run_id = $run ORDER BY ordinal",
            ("run", runId));
        using var reader = command.ExecuteReader();
        var campaigns = new List<CampaignSummary>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            campaigns.Add(new CampaignSummary(
                new CampaignId(id),
                accounts.GetValueOrDefault(id) ?? [],
                reader.GetInt64(1),
                Sql.Instant(reader, 2),
                Sql.Instant(reader, 3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.GetInt64(6),
                (mixes.GetValueOrDefault(id) ?? []).ToDictionary(m => m.Capability, m => m.Share),
                models.GetValueOrDefault(id) ?? [],
                evidence.GetValueOrDefault(id) ?? [],
                timelines.GetValueOrDefault(id) ?? []));
        }

        return campaigns;
    }

    /// <summary>Reads child rows keyed by their first column, keeping the query's order within each key.</summary>
    private static Dictionary<string, List<T>> Grouped<T>(
        DuckDBConnection connection, string sql, string runId, Func<DbDataReader, T> read)
    {
        using var command = Sql.Command(connection, sql, ("run", runId));
        using var reader = command.ExecuteReader();
        var groups = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var key = reader.GetString(0);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(read(reader));
        }

        return groups;
    }
}
