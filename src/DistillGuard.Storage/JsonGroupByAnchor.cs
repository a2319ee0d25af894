using System.Globalization;
using DuckDB.NET.Data;

namespace DistillGuard.Storage;

/// <summary>
/// An outside yardstick for `bench`: DuckDB reading the same JSON Lines file with <c>read_json_auto</c> and counting exchanges
/// per account (GROUP BY account_id), in memory, with all of DuckDB's threads. It shows what a columnar engine makes of
/// the file on this machine, beside what analyze makes of it.
/// </summary>
public static class JsonGroupByAnchor
{
    /// <summary>Rows read and accounts found.</summary>
    public static (long Rows, long Accounts) Run(string jsonlPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jsonlPath);
        using var connection = EmbeddedDatabase.Open(":memory:", "an in-memory DuckDB for the read_json anchor");
        using var command = connection.CreateCommand();
        var path = jsonlPath.Replace("'", "''", StringComparison.Ordinal);
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SELECT CAST(sum(n) AS BIGINT), count(*) FROM (SELECT account_id, count(*) AS n FROM read_json_auto('{path}') GROUP BY account_id)");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
