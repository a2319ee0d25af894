namespace DistillGuard.Storage;

using System.Data.Common;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DuckDB.NET.Data;

/// <summary>The <c>link_edges</c> table: each linked or flagged account's strongest evidence edges.</summary>
internal static class EdgeRows
{
    public static void Append(DuckDBConnection connection, string runId, IReadOnlyList<AccountEdges> accounts)
    {
        using var appender = connection.CreateAppender("link_edges");
        foreach (var account in accounts)
        {
            for (var rank = 0; rank < account.Edges.Count; rank++)
            {
                var e = account.Edges[rank];
                appender.CreateRow()
                    .AppendValue(runId)
                    .AppendValue(account.Account.Value)
                    .AppendValue((int?)rank)
                    .AppendValue(e.Other.Value)
                    .AppendValue(LinkKinds.Name(e.Kind))
                    .AppendValue((double?)e.Weight)
                    .AppendValue((double?)e.PairStrength)
                    .AppendValue(e.Value == 0 ? null : (ulong?)e.Value)
                    .AppendValue((int?)e.Rarity.Carriers)
                    .AppendValue((int?)e.Rarity.OrdinaryCarriers)
                    .AppendValue((int?)e.Rarity.OrdinaryPopulation)
                    .AppendValue((double?)e.Detail)
                    .AppendValue((int?)account.Partners)
                    .EndRow();
            }
        }
    }

    public static IReadOnlyList<AccountEdges> Load(DuckDBConnection connection, string runId, IReadOnlyList<AccountId> accounts)
    {
        const string Columns =
            "SELECT e.account_id, e.other_account_id, e.kind, e.weight, e.pair_strength, e.value_hash, e.carriers, e.ordinary_carriers, e.ordinary_population, e.detail, e.partners FROM link_edges e ";
        if (accounts.Count == 0)
        {
            return [];
        }

        // One account (explain --account) is looked up by key; a campaign's accounts are joined with the run's rows, so
        // only their edges are read, not the whole run's.
        if (accounts.Count > 1)
        {
            SelectedAccounts.Fill(connection, [accounts]);
        }

        using var command = accounts.Count == 1
            ? Sql.Command(connection, Columns + "WHERE e.run_id = $run AND e.account_id = $account ORDER BY e.rank", ("run", runId), ("account", accounts[0].Value))
            : Sql.Command(connection, Columns + "JOIN (SELECT DISTINCT account_id FROM selected_accounts) w ON e.account_id = w.account_id WHERE e.run_id = $run ORDER BY e.account_id, e.rank", ("run", runId));
        using var reader = command.ExecuteReader();
        var result = new List<AccountEdges>();
        List<LinkEdge>? edges = null;
        (string Id, int Partners)? current = null;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (current?.Id != id)
            {
                Flush();
                current = (id, reader.GetInt32(10));
                edges = [];
            }

            edges!.Add(Read(reader, id));
        }

        Flush();
        return result;

        void Flush()
        {
            if (current is { } c)
            {
                result.Add(new AccountEdges(new AccountId(c.Id), c.Partners, edges!));
            }
        }
    }

    private static LinkEdge Read(DbDataReader r, string id)
    {
        var name = r.GetString(2);
        var kind = LinkKinds.FromName(name)
            ?? throw new InvalidDataException($"Stored edge kind '{name}' of account '{id}' is not a link kind this build knows.");
        return new LinkEdge(
            new AccountId(id),
            new AccountId(r.GetString(1)),
            kind,
            r.GetDouble(3),
            r.GetDouble(4),
            r.IsDBNull(5) ? 0 : r.GetFieldValue<ulong>(5),
            new ValueRarity(r.GetInt32(6), r.GetInt32(7), r.GetInt32(8)),
            r.GetDouble(9));
    }
}
