namespace DistillGuard.Storage.Tests;

using DuckDB.NET.Data;

/// <summary>Direct access to a store's DuckDB file, bypassing the store (to inspect it or to fake older files).</summary>
internal static class RawDb
{
    public static DuckDBConnection Open(string path)
    {
        var connection = new DuckDBConnection("Data Source=" + path);
        connection.Open();
        return connection;
    }

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
