namespace DistillGuard.Storage;

using DistillGuard.Core.Model;
using DistillGuard.Core.Sharing;
using DuckDB.NET.Data;

/// <summary>Group-keyed indicator hashes of a run's accounts: only hashes, never the raw values.</summary>
internal static class SharingRows
{
    public const string KeysTable = """
        CREATE TABLE IF NOT EXISTS sharing_keys (
            run_id VARCHAR NOT NULL PRIMARY KEY,
            key_id VARCHAR NOT NULL)
        """;

    public const string FingerprintsTable = """
        CREATE TABLE IF NOT EXISTS sharing_fingerprints (
            run_id VARCHAR NOT NULL,
            account_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            value VARCHAR NOT NULL)
        """;

    public static void Save(DuckDBConnection connection, string runId, string keyId, IReadOnlyList<SharingFingerprint> rows)
    {
        Ensure(connection);
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, "DELETE FROM sharing_fingerprints WHERE run_id = $run", ("run", runId));
        Sql.Execute(connection, "DELETE FROM sharing_keys WHERE run_id = $run", ("run", runId));
        Sql.Execute(connection, "INSERT INTO sharing_keys VALUES ($run, $key)", ("run", runId), ("key", keyId));
        using (var appender = connection.CreateAppender("sharing_fingerprints"))
        {
            foreach (var row in rows)
            {
                appender.CreateRow().AppendValue(runId).AppendValue(row.AccountId.Value).AppendValue(row.Kind).AppendValue(row.Value).EndRow();
            }
        }

        transaction.Commit();
    }

    public static (string KeyId, IReadOnlyList<SharingFingerprint> Fingerprints)? Load(DuckDBConnection connection, string runId)
    {
        Ensure(connection);
        if (Sql.Scalar(connection, "SELECT key_id FROM sharing_keys WHERE run_id = $run", ("run", runId)) is not string keyId)
        {
            return null;
        }

        using var command = Sql.Command(connection, "SELECT account_id, kind, value FROM sharing_fingerprints WHERE run_id = $run ORDER BY 1, 2, 3", ("run", runId));
        using var reader = command.ExecuteReader();
        var rows = new List<SharingFingerprint>();
        while (reader.Read())
        {
            rows.Add(new SharingFingerprint(new AccountId(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
        }

        return (keyId, rows);
    }

    private static void Ensure(DuckDBConnection connection)
    {
        Sql.Execute(connection, KeysTable);
        Sql.Execute(connection, FingerprintsTable);
    }
}
