namespace DistillGuard.Storage;

using DistillGuard.Core.Model;
using DuckDB.NET.Data;

/// <summary>Queries over the stored exchanges of a set of accounts: daily counts, ASNs, countries, models per day (UTC days).</summary>
internal static class TimelineQuery
{
    /// <summary>Everything the quantifier asks of the stored exchanges of one campaign, with its accounts selected once.</summary>
    public static CampaignBreakdown Breakdown(DuckDBConnection connection, string runId, IReadOnlyList<AccountId> accounts)
    {
        Select(connection, accounts);
        return new CampaignBreakdown(
            Timeline(connection, runId),
            Named(connection, runId, "CAST(e.asn AS VARCHAR)", "e.asn IS NOT NULL"),
            Named(connection, runId, "e.country", "e.country IS NOT NULL"),
            ModelDays(connection, runId));
    }

    private static List<DailyCount> Timeline(DuckDBConnection connection, string runId)
    {
        // epoch() keeps the day in UTC whatever the session time zone, with no ICU extension.
        using var command = Sql.Command(connection, """
            SELECT CAST(floor(epoch(e.ts) / 86400) AS BIGINT) AS day, count(*) AS n, CAST(sum(e.output_tokens) AS BIGINT) AS out_tokens
            FROM exchanges e JOIN selected_accounts s ON e.account_id = s.account_id
            WHERE e.run_id = $run
            GROUP BY 1 ORDER BY 1
            """, ("run", runId));
        using var reader = command.ExecuteReader();
        var days = new List<DailyCount>();
        while (reader.Read())
        {
            days.Add(new DailyCount(Day(reader.GetInt64(0)), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return days;
    }

    private static List<ModelDay> ModelDays(DuckDBConnection connection, string runId)
    {
        using var command = Sql.Command(connection, """
            SELECT CAST(floor(epoch(e.ts) / 86400) AS BIGINT) AS day, e.model, count(*) AS n
            FROM exchanges e JOIN selected_accounts s ON e.account_id = s.account_id
            WHERE e.run_id = $run
            GROUP BY 1, 2 ORDER BY 1, 2
            """, ("run", runId));
        using var reader = command.ExecuteReader();
        var models = new List<ModelDay>();
        while (reader.Read())
        {
            models.Add(new ModelDay(Day(reader.GetInt64(0)), reader.GetString(1), reader.GetInt64(2)));
        }

        return models;
    }

    private static List<NamedCount> Named(DuckDBConnection connection, string runId, string column, string filter)
    {
#pragma warning disable CA2100 // column and filter are constants of this class; values go through parameters.
        using var command = Sql.Command(connection, $"""
            SELECT {column} AS name, count(*) AS n
            FROM exchanges e JOIN selected_accounts s ON e.account_id = s.account_id
            WHERE e.run_id = $run AND {filter}
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10
            """, ("run", runId));
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var list = new List<NamedCount>();
        while (reader.Read())
        {
            list.Add(new NamedCount(reader.GetString(0), reader.GetInt64(1)));
        }

        return list;
    }

    private static DateOnly Day(long day) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day));

    private static void Select(DuckDBConnection connection, IReadOnlyList<AccountId> accounts)
    {
        Sql.Execute(connection, "CREATE TEMP TABLE IF NOT EXISTS selected_accounts (account_id VARCHAR NOT NULL)");
        Sql.Execute(connection, "DELETE FROM selected_accounts");
        using (var appender = connection.CreateAppender("selected_accounts"))
        {
            foreach (var account in accounts)
            {
                appender.CreateRow().AppendValue(account.Value).EndRow();
            }
        }
    }
}
