using System.Globalization;
using DistillGuard.Core.Enforcement;
using DistillGuard.Service.State;
using DuckDB.NET.Data;

namespace DistillGuard.Service.Audit;

/// <summary>How audit entries name whom an action is on.</summary>
public static class AuditSubjects
{
    public static string Account(Core.Model.AccountId id) => "account:" + id.Value;
}

/// <summary>One stored audit entry as <c>GET /v1/audit</c> shows it; <see cref="Hash"/> covers every other field, <see cref="PreviousHash"/> included (<see cref="AuditChain"/>).</summary>
public sealed record AuditEntryView(
    long Seq, DateTimeOffset At, string Actor, string Origin, string Subject, string Action, bool Shadow, DateTimeOffset? ExpiresAt,
    string PolicyVersion, string Detail, string PreviousHash, string Hash)
{
    public static AuditEntryView Of(AuditEntry e) => new(
        e.Sequence, e.Draft.At, e.Draft.Actor, e.Draft.Origin == AuditOrigin.Manual ? "manual" : "policy", e.Draft.Subject, e.Draft.Action.ToContract(),
        e.Draft.Shadow, e.Draft.ExpiresAt, e.Draft.PolicyVersion, e.Draft.Evidence, e.PreviousHash, e.Hash);
}

/// <summary><c>GET /v1/audit/verify</c>: the chain is whole, or the first entry that does not chain and why.</summary>
public sealed record AuditVerificationView(bool Valid, long Entries, long? FirstInvalid = null, string? Reason = null);

/// <summary>
/// The append-only audit log in the service's store, chained by the enforcement core (<see cref="AuditChain"/>): each
/// entry carries the SHA-256 of the one before it and its own hash over all its fields, so editing or deleting a row
/// breaks the chain at that row. The head (last sequence and hash) is kept in a table of its own, written in the same
/// transaction, so rows cut from the end are caught too.
/// </summary>
internal sealed class AuditLog
{
    public const string Schema =
        "CREATE TABLE IF NOT EXISTS service_audit (seq BIGINT NOT NULL, recorded_at VARCHAR NOT NULL, actor VARCHAR NOT NULL, origin VARCHAR NOT NULL, " +
        "subject VARCHAR NOT NULL, action VARCHAR NOT NULL, shadow BOOLEAN NOT NULL, expires_at VARCHAR, policy_version VARCHAR NOT NULL, " +
        "detail VARCHAR NOT NULL, previous_hash VARCHAR NOT NULL, hash VARCHAR NOT NULL)";

    public const string HeadSchema = "CREATE TABLE IF NOT EXISTS service_audit_head (seq BIGINT NOT NULL, hash VARCHAR NOT NULL)";

    private const string Columns = "seq, recorded_at, actor, origin, subject, action, shadow, expires_at, policy_version, detail, previous_hash, hash";
    private readonly ExchangeJournal store;
    private readonly Dictionary<string, EnforcementAction> current = new(StringComparer.Ordinal);
    private (long Sequence, string Hash)? last;

    public AuditLog(ExchangeJournal store)
    {
        this.store = store;
        foreach (var entry in Entries(0, int.MaxValue))
        {
            current[entry.Draft.Subject] = entry.Draft.Action;
            last = entry.Head;
        }

        // The log goes on from the head it recorded, not from the rows left: rows cut from the end stay a visible gap.
        last = Head() ?? last;
    }

    /// <summary>The last action recorded for <paramref name="subject"/>, or null.</summary>
    public EnforcementAction? CurrentAction(string subject)
    {
        lock (current)
        {
            return current.TryGetValue(subject, out var action) ? action : null;
        }
    }

    /// <summary>Appends the drafts in one transaction, each chained to the one before, and moves the head.</summary>
    public void Append(IReadOnlyList<AuditDraft> drafts)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Count == 0)
        {
            return;
        }

        lock (current)
        {
            var entries = new List<AuditEntry>(drafts.Count);
            foreach (var draft in drafts)
            {
                entries.Add(AuditChain.Append(entries.Count == 0 ? last : entries[^1].Head, draft));
            }

            store.Use(connection =>
            {
                using var transaction = connection.BeginTransaction();
                using (var appender = connection.CreateAppender("service_audit"))
                {
                    foreach (var e in entries)
                    {
                        var d = e.Draft;
                        var row = appender.CreateRow().AppendValue(e.Sequence).AppendValue(Text(d.At)).AppendValue(d.Actor)
                            .AppendValue(d.Origin == AuditOrigin.Manual ? "manual" : "policy").AppendValue(d.Subject).AppendValue(d.Action.ToContract())
                            .AppendValue(d.Shadow);
                        row = d.ExpiresAt is { } expires ? row.AppendValue(Text(expires)) : row.AppendNullValue();
                        row.AppendValue(d.PolicyVersion).AppendValue(d.Evidence).AppendValue(e.PreviousHash).AppendValue(e.Hash).EndRow();
                    }
                }

                using (var head = connection.CreateCommand())
                {
                    head.CommandText = "DELETE FROM service_audit_head; INSERT INTO service_audit_head VALUES ($seq, $hash)";
                    head.Parameters.Add(new DuckDBParameter("seq", entries[^1].Sequence));
                    head.Parameters.Add(new DuckDBParameter("hash", entries[^1].Hash));
                    head.ExecuteNonQuery();
                }

                transaction.Commit();
                return 0;
            });
            last = entries[^1].Head;
            foreach (var e in entries)
            {
                current[e.Draft.Subject] = e.Draft.Action;
            }
        }
    }

    /// <summary>Every manual entry, in order (the service rebuilds the manual actions in force from them).</summary>
    public IReadOnlyList<AuditEntry> Manual() => [.. Entries(0, int.MaxValue).Where(e => e.Draft.Origin == AuditOrigin.Manual)];

    /// <summary>Entries after <paramref name="after"/> in order, at most <paramref name="limit"/>, as the API shows them.</summary>
    public IReadOnlyList<AuditEntryView> Page(long after, int limit) => [.. Entries(after, limit).Select(AuditEntryView.Of)];

    /// <summary>
    /// Walks the whole chain from the first entry to the recorded head; names the first entry that is missing, edited or does
    /// not chain. The head and the entries are read in one snapshot of the store (<see cref="ExchangeJournal.Snapshot"/>), so
    /// an append landing meanwhile is neither half seen nor taken for a gap, and the entries stream through one at a time
    /// without holding the lock that ingest and appends wait on: a scrape of <c>/metrics</c> on a long log does not stall them.
    /// </summary>
    public AuditVerificationView Verify()
    {
        var result = store.Snapshot(connection => AuditChain.Verify(Read(connection, 0, int.MaxValue), Head(connection)));
        return new AuditVerificationView(result.Valid, result.Entries, result.FirstBroken, result.Problem);
    }

    private (long Sequence, string Hash)? Head() => store.Use(Head);

    private static (long Sequence, string Hash)? Head(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, hash FROM service_audit_head";
        using var reader = command.ExecuteReader();
        return reader.Read() ? ((long, string)?)(reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private List<AuditEntry> Entries(long after, int limit) => store.Use(connection => Read(connection, after, limit).ToList());

    /// <summary>Entries after <paramref name="after"/> in order, at most <paramref name="limit"/>, read as they are enumerated.</summary>
    private static IEnumerable<AuditEntry> Read(DuckDBConnection connection, long after, long limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM service_audit WHERE seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.Add(new DuckDBParameter("after", after));
        command.Parameters.Add(new DuckDBParameter("limit", limit));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // A row whose action no longer parses was edited: it is read with a hash that cannot match, so verify names it.
            var parses = EnforcementActions.TryParse(reader.GetString(5), out var action);
            var draft = new AuditDraft(
                Instant(reader.GetString(1)), reader.GetString(2), reader.GetString(3) == "manual" ? AuditOrigin.Manual : AuditOrigin.Policy,
                reader.GetString(4), action, reader.GetBoolean(6), reader.IsDBNull(7) ? null : Instant(reader.GetString(7)),
                reader.GetString(8), reader.GetString(9));
            yield return new AuditEntry(reader.GetInt64(0), draft, reader.GetString(10), parses ? reader.GetString(11) : "action unreadable: " + reader.GetString(5));
        }
    }

    private static string Text(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : DateTimeOffset.MinValue;
}
