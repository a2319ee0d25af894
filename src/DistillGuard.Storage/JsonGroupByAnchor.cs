using System.Globalization;
using DuckDB.NET.Data;

namespace DistillGuard.Storage;

/// <summary>
/// An outside yardstick for `bench`: DuckDB reading the same file (JSON Lines with <c>read_json_auto</c>, Parquet with
/// <c>read_parquet</c>) and counting exchanges per account (GROUP BY account_id), in memory, with all of DuckDB's threads.
/// It shows what a columnar engine makes of the file on this machine, beside what analyze makes of it.
/// </summary>
public static class JsonGroupByAnchor
{
    /// <summary>Rows read and accounts found.</summary>
    public static (long Rows, long Accounts) Run(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var connection = EmbeddedDatabase.Open(":memory:", "an in-memory DuckDB for the read_json anchor");
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SELECT CAST(sum(n) AS BIGINT), count(*) FROM (SELECT account_id, count(*) AS n FROM {Scan(path)} GROUP BY account_id)");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// Writes a JSON Lines log as one Parquet file (zstd, DuckDB's row groups of 122,880 rows), with the column types DuckDB
    /// infers from every record; returns the rows written. Bench input only: the analysis never writes Parquet.
    /// </summary>
    public static long WriteParquet(string jsonlPath, string parquetPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jsonlPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(parquetPath);
        using var connection = EmbeddedDatabase.Open(":memory:", "an in-memory DuckDB writing the bench's Parquet copy");
        using var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"COPY (SELECT * FROM read_json_auto({Quoted(jsonlPath)}, sample_size = -1)) TO {Quoted(parquetPath)} (FORMAT parquet, COMPRESSION zstd)");
        return command.ExecuteNonQuery();
    }

    private static string Scan(string path) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? $"read_parquet({Quoted(path)})" : $"read_json_auto({Quoted(path)})";

    private static string Quoted(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
