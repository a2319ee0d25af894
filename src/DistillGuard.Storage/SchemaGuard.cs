namespace DistillGuard.Storage;

using System.Globalization;
using DuckDB.NET.Data;

/// <summary>Creates the schema of a new store, migrates an older one in place, and refuses a file whose schema this build does not know.</summary>
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

        if (found < Schema.Version && found >= 1)
        {
            Migrate(connection, found.Value);
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

    /// <summary>Runs each version's migration in turn, in one transaction, and records the new version.</summary>
    private static void Migrate(DuckDBConnection connection, int from)
    {
        using var transaction = connection.BeginTransaction();
        for (var version = from; version < Schema.Version; version++)
        {
            foreach (var statement in Schema.Migrations[version])
            {
                Sql.Execute(connection, statement);
            }
        }

        Sql.Execute(connection, "DELETE FROM schema_version");
        Sql.Execute(connection, "INSERT INTO schema_version VALUES ($v)", ("v", Schema.Version));
        transaction.Commit();
    }

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
