namespace DistillGuard.Storage;

using DistillGuard.Core.Model;
using DuckDB.NET.Data;

/// <summary>Daily exchange and output-token counts over a set of accounts, by UTC day.</summary>
internal static class TimelineQuery
{
    public static IReadOnlyList<DailyCount> Run(DuckDBConnection connection, string runId, IReadOnlyList<AccountId> accounts)
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
            var day = DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(reader.GetInt64(0)));
            days.Add(new DailyCount(day, reader.GetInt64(1), reader.GetInt64(2)));
        }

        return days;
    }
}
