using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DistillGuard.Service.State;
using DuckDB.NET.Data;

namespace DistillGuard.Service.Audit;

/// <summary>How audit entries name whom an action is on.</summary>
public static class AuditSubjects
{
    public static string Account(Core.Model.AccountId id) => "account:" + id.Value;
}

/// <summary>An action to record: who or what decided it, on whom, and on what evidence (a JSON object).</summary>
public sealed record AuditRecord(string Actor, string Subject, string Action, string Detail);

/// <summary>One stored audit entry; <see cref="Hash"/> covers every other field, <see cref="PreviousHash"/> included.</summary>
public sealed record AuditEntry(long Seq, string At, string Actor, string Subject, string Action, string Detail, string PreviousHash, string Hash);

/// <summary><c>GET /v1/audit/verify</c>: the chain is whole, or the first entry that does not chain and why.</summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstInvalid = null, string? Reason = null);

/// <summary>
/// The append-only, hash-chained audit log in the service's store: each entry carries the SHA-256 of the one before it
/// and its own hash over all its fields, so editing or deleting a row breaks the chain at that row. (Deleting the last
/// rows leaves a shorter chain that still verifies: that needs an anchor kept outside the store.)
/// </summary>
internal sealed class AuditLog
{
    public const string Schema =
        "CREATE TABLE IF NOT EXISTS service_audit (seq BIGINT NOT NULL, recorded_at VARCHAR NOT NULL, actor VARCHAR NOT NULL, subject VARCHAR NOT NULL, " +
        "action VARCHAR NOT NULL, detail VARCHAR NOT NULL, previous_hash VARCHAR NOT NULL, hash VARCHAR NOT NULL)";

    private const string Columns = "seq, recorded_at, actor, subject, action, detail, previous_hash, hash";
    private readonly ExchangeJournal store;
    private readonly TimeProvider clock;
    private readonly Dictionary<string, string> current = new(StringComparer.Ordinal);
    private long last;
    private string lastHash = "";

    public AuditLog(ExchangeJournal store, TimeProvider clock)
    {
        this.store = store;
        this.clock = clock;
        foreach (var entry in Page(0, int.MaxValue))
        {
            current[entry.Subject] = entry.Action;
            (last, lastHash) = (entry.Seq, entry.Hash);
        }
    }

    /// <summary>The last action recorded for <paramref name="subject"/>, or null.</summary>
    public string? CurrentAction(string subject)
    {
        lock (current)
        {
            return current.GetValueOrDefault(subject);
        }
    }

    /// <summary>Appends the records in one transaction, each chained to the one before.</summary>
    public void Append(IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        lock (current)
        {
            var at = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            var (seq, previous) = (last, lastHash);
            var entries = new List<AuditEntry>(records.Count);
            foreach (var r in records)
            {
                seq++;
                var hash = HashOf(seq, at, r.Actor, r.Subject, r.Action, r.Detail, previous);
                entries.Add(new AuditEntry(seq, at, r.Actor, r.Subject, r.Action, r.Detail, previous, hash));
                previous = hash;
            }

            store.Use(connection =>
            {
                using var transaction = connection.BeginTransaction();
                using (var appender = connection.CreateAppender("service_audit"))
                {
                    foreach (var e in entries)
                    {
                        appender.CreateRow().AppendValue(e.Seq).AppendValue(e.At).AppendValue(e.Actor).AppendValue(e.Subject)
                            .AppendValue(e.Action).AppendValue(e.Detail).AppendValue(e.PreviousHash).AppendValue(e.Hash).EndRow();
                    }
                }

                transaction.Commit();
                return 0;
            });
            (last, lastHash) = (seq, previous);
            foreach (var e in entries)
            {
                current[e.Subject] = e.Action;
            }
        }
    }

    /// <summary>Entries after <paramref name="after"/> in order, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<AuditEntry> Page(long after, int limit) => store.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM service_audit WHERE seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.Add(new DuckDBParameter("after", after));
        command.Parameters.Add(new DuckDBParameter("limit", (long)limit));
        using var reader = command.ExecuteReader();
        var rows = new List<AuditEntry>();
        while (reader.Read())
        {
            rows.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }

        return rows;
    });

    /// <summary>Walks the whole chain from the first entry; names the first entry that is missing, edited or does not chain.</summary>
    public AuditVerification Verify()
    {
        var (expected, previous) = (1L, "");
        foreach (var e in Page(0, int.MaxValue))
        {
            if (e.Seq != expected)
            {
                return new AuditVerification(false, expected - 1, expected, $"entry {expected} is missing");
            }

            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new AuditVerification(false, expected - 1, e.Seq, "it does not carry the hash of the entry before it");
            }

            if (!string.Equals(HashOf(e.Seq, e.At, e.Actor, e.Subject, e.Action, e.Detail, e.PreviousHash), e.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(false, expected - 1, e.Seq, "its contents do not match its hash");
            }

            (expected, previous) = (expected + 1, e.Hash);
        }

        return new AuditVerification(true, expected - 1);
    }

    /// <summary>SHA-256 over the fields, each prefixed with its length so no two field lists hash alike.</summary>
    private static string HashOf(long seq, string at, string actor, string subject, string action, string detail, string previous)
    {
        var text = new StringBuilder();
        foreach (var field in new[] { seq.ToString(CultureInfo.InvariantCulture), at, actor, subject, action, detail, previous })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
