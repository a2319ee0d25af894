using DuckDB.NET.Data;

namespace DistillGuard.Storage;

/// <summary>Opens an embedded DuckDB file the way every DistillGuard store does: nothing is downloaded, the schema is ensured.</summary>
public static class EmbeddedDatabase
{
    /// <summary>
    /// An open connection to <paramref name="path"/> (created if absent; <c>:memory:</c> for tests) after running
    /// <paramref name="schema"/>; an <see cref="IOException"/> naming <paramref name="what"/> and the file if that fails.
    /// </summary>
    public static DuckDBConnection Open(string path, string what, params string[] schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(schema);
        var connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = path }.ConnectionString);
        try
        {
            connection.Open();
            Sql.Execute(connection, "SET autoinstall_known_extensions = false");
            Sql.Execute(connection, "SET autoload_known_extensions = false");
            foreach (var statement in schema)
            {
                Sql.Execute(connection, statement);
            }

            return connection;
        }
        catch (Exception ex)
        {
            connection.Dispose();
            throw new IOException($"cannot open {what} '{path}': {ex.Message}", ex);
        }
    }
}
