namespace DistillGuard.Storage;

using System.Globalization;
using DuckDB.NET.Data;

/// <summary>Creates the schema of a new store and refuses a file whose schema this build does not know.</summary>
internal static class SchemaGuard
{
    public static void Ensure(DuckDBConnection connection, string path)
    {
        var found = ReadVersion(connection);
        if (found is null)
        {
            if (CountTables(connection) > 0)
            {
                throw StoreException.For(path, "the DuckDB file holds tables but no schema_version: it is not an analysis store");
            }

            Create(connection);
            return;
        }

        if (found != Schema.Version)
        {
            throw StoreException.For(path, string.Create(
                CultureInfo.InvariantCulture,
                $"schema version {found} is not supported by this build (it knows version {Schema.Version}); use a newer DistillGuard or another file"));
        }
    }

    private static int? ReadVersion(DuckDBConnection connection)
    {
        var exists = Convert.ToInt64(Sql.Scalar(connection,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'schema_version'"), CultureInfo.InvariantCulture);
        if (exists == 0)
        {
            return null;
        }

        var version = Sql.Scalar(connection, "SELECT max(version) FROM schema_version");
        // An empty version table is as unknown as a newer one.
        return version is null ? -1 : Convert.ToInt32(version, CultureInfo.InvariantCulture);
    }

    private static long CountTables(DuckDBConnection connection) =>
        Convert.ToInt64(Sql.Scalar(connection,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'"), CultureInfo.InvariantCulture);

    private static void Create(DuckDBConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, Schema.VersionTable);
        foreach (var table in Schema.Tables)
        {
            Sql.Execute(connection, table);
        }

        Sql.Execute(connection, "INSERT INTO schema_version VALUES ($v)", ("v", Schema.Version));
        transaction.Commit();
    }
}
