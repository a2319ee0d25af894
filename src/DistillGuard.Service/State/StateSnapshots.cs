using System.Globalization;
using DistillGuard.Analysis;
using DistillGuard.Core.Features;
using DuckDB.NET.Data;

namespace DistillGuard.Service.State;

/// <summary>Every account's state as of one journal sequence: the records up to it are folded in, none after it.</summary>
/// <param name="Sequence">The last journal record the state holds.</param>
internal sealed record StateSnapshot(long Sequence, DateTimeOffset TakenAt, int Accounts, byte[] State);

/// <summary>
/// The accounts' states in binary (<see cref="AccountStateCodec"/>, in the table's order, so a table read back enumerates
/// its accounts as the one written did), with the model names the reports show.
/// </summary>
internal static class AccountTableCodec
{
    public const int Version = 1;

    public static byte[] Write(AccountTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            var names = table.ModelNames.ToArray();
            writer.Write(names.Length);
            foreach (var (hash, name) in names)
            {
                writer.Write(hash);
                writer.Write(name);
            }

            writer.Write(table.Count);
            foreach (var state in table.States)
            {
                AccountStateCodec.Write(writer, state);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Puts every state <see cref="Write"/> wrote into <paramref name="table"/>; an <see cref="InvalidDataException"/> when the bytes are not a snapshot.</summary>
    public static void ReadInto(AccountTable table, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var reader = new BinaryReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        try
        {
            if (reader.ReadInt32() is var version && version != Version)
            {
                throw new InvalidDataException($"state snapshot version {version}, expected {Version}");
            }

            for (var names = reader.ReadInt32(); names > 0; names--)
            {
                table.RestoreModelName(reader.ReadUInt64(), reader.ReadString());
            }

            for (var accounts = reader.ReadInt32(); accounts > 0; accounts--)
            {
                table.Restore(AccountStateCodec.Read(reader));
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("state snapshot: cut short", e);
        }
    }
}

/// <summary>
/// The latest snapshot of the accounts' states in the service store, and what taking one allows: the journalled records
/// it covers no longer need their text. Saving a snapshot strips from those records, in the same transaction, the prompt
/// text (kept as <see cref="NotKept"/>), the system prompt, the client IP, the payment fingerprint and the e-mail domain;
/// what stays (ids, times, model, tokens, user agent) is what the dashboard's timelines read. A restart reads the
/// snapshot and folds in only the records after it.
/// </summary>
internal sealed class StateSnapshots(ExchangeJournal journal)
{
    public const string Schema =
        "CREATE TABLE IF NOT EXISTS service_state_snapshot (seq BIGINT NOT NULL, taken_at TIMESTAMP NOT NULL, accounts INTEGER NOT NULL, state BLOB NOT NULL)";

    /// <summary>The prompt of a record whose text a snapshot made unnecessary.</summary>
    public const string NotKept = "[not kept]";

    /// <summary>RFC 7386 merge patch: replaces the prompt, removes the other fields (null removes a member).</summary>
    private static readonly string StripPatch = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["prompt"] = NotKept, ["system_prompt"] = null, ["client_ip"] = null, ["payment_fingerprint"] = null, ["email_domain"] = null,
    });

    public StateSnapshot? Latest() => journal.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, taken_at, accounts, state FROM service_state_snapshot ORDER BY seq DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        using var blob = reader.GetStream(3);
        using var bytes = new MemoryStream();
        blob.CopyTo(bytes);
        return new StateSnapshot(reader.GetInt64(0), new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc)), reader.GetInt32(2), bytes.ToArray());
    });

    /// <summary>Replaces the snapshot with <paramref name="snapshot"/> and strips the records it newly covers, all in one transaction.</summary>
    public void Save(StateSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        journal.Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var before = Execute(connection, "SELECT coalesce(max(seq), 0) FROM service_state_snapshot", []);
            if (Convert.ToInt64(before, CultureInfo.InvariantCulture) >= snapshot.Sequence)
            {
                return 0; // an older or equal snapshot: the stored one already covers it
            }

            Execute(connection, "UPDATE service_exchanges SET record = json_merge_patch(record, $patch) WHERE seq > $after AND seq <= $through",
                [new("patch", StripPatch), new("after", before), new("through", snapshot.Sequence)]);
            Execute(connection, "DELETE FROM service_state_snapshot", []);
            Execute(connection, "INSERT INTO service_state_snapshot VALUES ($seq, $at, $accounts, $state)",
                [new("seq", snapshot.Sequence), new("at", DateTime.SpecifyKind(snapshot.TakenAt.UtcDateTime, DateTimeKind.Unspecified)),
                 new("accounts", snapshot.Accounts), new("state", snapshot.State)]);
            transaction.Commit();
            return 0;
        });
    }

    private static object? Execute(DuckDBConnection connection, string sql, DuckDBParameter[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command.ExecuteScalar();
    }
}

/// <summary>Reads a service store's accounts back: the latest snapshot, then (the caller's part) the records after it.</summary>
internal static class StoredState
{
    /// <summary>Puts the latest snapshot's states into <paramref name="table"/>; the journal sequence it covers (0 without one).</summary>
    public static long RestoreSnapshot(ExchangeJournal journal, AccountTable table)
    {
        if (new StateSnapshots(journal).Latest() is not { } snapshot)
        {
            return 0;
        }

        AccountTableCodec.ReadInto(table, snapshot.State);
        return snapshot.Sequence;
    }
}
