namespace DistillGuard.Storage;

using DistillGuard.Core.Model;
using DuckDB.NET.Data;

/// <summary>
/// Queries over the stored exchanges of sets of accounts (a run's campaigns): daily counts, ASNs, countries, models per
/// day (UTC days). Every set is answered by the same four scans of the run's exchanges, whatever the number of sets.
/// </summary>
internal static class TimelineQuery
{
    /// <summary>How many ASNs and countries a set's breakdown names, the most frequent first.</summary>
    private const int TopNamed = 10;

    /// <summary>Everything the quantifier asks of the stored exchanges of each set of accounts, in the order of the sets.</summary>
    public static IReadOnlyList<CampaignBreakdown> Breakdowns(DuckDBConnection connection, string runId, IReadOnlyList<IReadOnlyList<AccountId>> sets)
    {
        if (sets.Count == 0)
        {
            return [];
        }

        SelectedAccounts.Fill(connection, sets);
        var timelines = Timelines(connection, runId, sets.Count);
        var asns = Named(connection, runId, sets.Count, "CAST(e.asn AS VARCHAR)", "e.asn IS NOT NULL");
        var countries = Named(connection, runId, sets.Count, "e.country", "e.country IS NOT NULL");
        var models = ModelDays(connection, runId, sets.Count);
        return [.. Enumerable.Range(0, sets.Count).Select(i => new CampaignBreakdown(timelines[i], asns[i], countries[i], models[i]))];
    }

    private static List<DailyCount>[] Timelines(DuckDBConnection connection, string runId, int sets)
    {
        // epoch() keeps the day in UTC whatever the session time zone, with no ICU extension.
        using var command = Sql.Command(connection, """
            SELECT s.set_index, CAST(floor(epoch(e.ts) / 86400) AS BIGINT) AS day, count(*) AS n, CAST(sum(e.output_tokens) AS BIGINT) AS out_tokens
            FROM exchanges e JOIN selected_accounts s ON e.account_id = s.account_id
            WHERE e.run_id = $run
            GROUP BY 1, 2 ORDER BY 1, 2
            """, ("run", runId));
        using var reader = command.ExecuteReader();
        var days = Lists<DailyCount>(sets);
        while (reader.Read())
        {
            days[reader.GetInt32(0)].Add(new DailyCount(Day(reader.GetInt64(1)), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return days;
    }

    private static List<ModelDay>[] ModelDays(DuckDBConnection connection, string runId, int sets)
    {
        using var command = Sql.Command(connection, """
            SELECT s.set_index, CAST(floor(epoch(e.ts) / 86400) AS BIGINT) AS day, e.model, count(*) AS n
            FROM exchanges e JOIN selected_accounts s ON e.account_id = s.account_id
            WHERE e.run_id = $run
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, ("run", runId));
        using var reader = command.ExecuteReader();
        var models = Lists<ModelDay>(sets);
        while (reader.Read())
        {
            models[reader.GetInt32(0)].Add(new ModelDay(Day(reader.GetInt64(1)), reader.GetString(2), reader.GetInt64(3)));
        }

        return models;
    }

    private static List<NamedCount>[] Named(DuckDBConnection connection, string runId, int sets, string column, string filter)
    {
        // The most frequent names of each set, ties by name: what ORDER BY n DESC, name LIMIT 10 gives one set.
#pragma warning disable CA2100 // column and filter are constants of this class; values go through parameters.
        using var command = Sql.Command(connection, $"""
            SELECT set_index, name, n FROM (
                SELECT s.set_index, {column} AS name, count(*) AS n
                FROM exchanges e JOIN selected_accounts s ON e.account_id = s.account_id
                WHERE e.run_id = $run AND {filter}
                GROUP BY 1, 2)
            QUALIFY row_number() OVER (PARTITION BY set_index ORDER BY n DESC, name) <= {TopNamed}
            ORDER BY set_index, n DESC, name
            """, ("run", runId));
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var named = Lists<NamedCount>(sets);
        while (reader.Read())
        {
            named[reader.GetInt32(0)].Add(new NamedCount(reader.GetString(1), reader.GetInt64(2)));
        }

        return named;
    }

    private static List<T>[] Lists<T>(int count) => [.. Enumerable.Range(0, count).Select(_ => new List<T>())];

    private static DateOnly Day(long day) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(day));
}
