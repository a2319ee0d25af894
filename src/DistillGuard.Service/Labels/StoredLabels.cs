using DistillGuard.Analysis;
using DistillGuard.Core.Model;
using DistillGuard.Service.State;
using DuckDB.NET.Data;

namespace DistillGuard.Service.Labels;

/// <summary>Reads the labels analysts stored (table <c>service_labels</c>).</summary>
internal static class StoredLabels
{
    private const string Columns = "seq, account_id, label, campaign_id, note, labelled_by, labelled_at";

    public static IReadOnlyList<StoredLabel> Query(ExchangeJournal store, string where, params (string Name, object Value)[] parameters) => store.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM service_labels {where}";
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        using var reader = command.ExecuteReader();
        var rows = new List<StoredLabel>();
        while (reader.Read())
        {
            rows.Add(new StoredLabel(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc))));
        }

        return (IReadOnlyList<StoredLabel>)rows;
    });

    /// <summary>The latest label of each labelled account: a later label stands over an earlier one.</summary>
    public static IReadOnlyDictionary<string, StoredLabel> Latest(ExchangeJournal store) =>
        Query(store, "ORDER BY seq").GroupBy(l => l.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
}

/// <summary>What <c>train --db</c> reads from a service's store: the labels in force and the features of the exchanges the service journalled.</summary>
public sealed record StoredTrainingData(IReadOnlyList<AccountLabel> Labels, IReadOnlyList<AccountFeatures> Features, long Exchanges);

/// <summary>
/// Opens a service store (the file <c>serve --db</c> writes) and reads what training needs: each labelled account's latest
/// label (<c>campaign</c> accounts are the positives) and every account's features from the service's state snapshot and
/// the exchanges journalled after it, built by the same state and extractor as <c>train --input</c>. DuckDB lets one process hold the file: run it with the service
/// stopped, or on a copy of the file.
/// </summary>
public static class ServiceStoreTraining
{
    public static async Task<StoredTrainingData> ReadAsync(string databasePath, CancellationToken ct)
    {
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"service store '{databasePath}' does not exist", databasePath);
        }

        using var journal = new ExchangeJournal(databasePath, TimeProvider.System);
        var labels = StoredLabels.Latest(journal).Values
            .OrderBy(l => l.Seq)
            .Select(l => new AccountLabel(new AccountId(l.AccountId), l.Label == "campaign", l.Label == "campaign" ? l.CampaignId : null, null))
            .ToArray();
        // The states the service's last snapshot holds, then the records journalled after it (those it covers have no text left).
        var table = new AccountTable();
        var covered = StoredState.RestoreSnapshot(journal, table);
        var features = await AccountFeatureReader.FromAsync(journal.ReadAsync(covered, journal.Count, ct), table, ct);
        return new StoredTrainingData(labels, features, journal.Count);
    }
}
