namespace DistillGuard.Storage;

using DistillGuard.Core.Model;
using DuckDB.NET.Data;

/// <summary>
/// Sets of accounts for a query to join with: the temporary table <c>selected_accounts (set_index, account_id)</c> of one
/// connection, made anew for every call (a temporary table lives on its connection only, and the sets differ from call
/// to call).
/// </summary>
internal static class SelectedAccounts
{
    public static void Fill(DuckDBConnection connection, IReadOnlyList<IReadOnlyList<AccountId>> sets)
    {
        Sql.Execute(connection, "DROP TABLE IF EXISTS temp.selected_accounts");
        Sql.Execute(connection, "CREATE TEMP TABLE selected_accounts (set_index INTEGER NOT NULL, account_id VARCHAR NOT NULL)");
        using var appender = connection.CreateAppender("selected_accounts");
        for (var i = 0; i < sets.Count; i++)
        {
            foreach (var account in sets[i])
            {
                appender.CreateRow().AppendValue((int?)i).AppendValue(account.Value).EndRow();
            }
        }
    }
}
