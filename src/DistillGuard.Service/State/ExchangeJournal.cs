using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using DistillGuard.Analysis;
using DistillGuard.Core.Model;
using DistillGuard.Ingest;
using DistillGuard.Storage;
using DuckDB.NET.Data;

namespace DistillGuard.Service.State;

/// <summary>An accepted record as journalled: its event id and its JSON exactly as received.</summary>
internal sealed record JournalEntry(string EventId, string Json);

/// <summary>
/// The write-ahead journal of accepted exchanges in the embedded DuckDB file: a batch is appended in one transaction
/// before the ingest reply, so an acknowledged record survives a crash right after it; a restart replays the journal in
/// order (<see cref="IExchangeSource"/>) to rebuild every account's state. Records are kept as received until a state
/// snapshot covers them (<see cref="StateSnapshots"/>), which strips their text.
/// Calls are serialised by one lock: DuckDB connections are not thread-safe.
/// </summary>
internal sealed class ExchangeJournal : IExchangeSource, IDisposable
{
    private const string Schema =
        "CREATE TABLE IF NOT EXISTS service_exchanges (" +
        "seq BIGINT NOT NULL, event_id VARCHAR NOT NULL, received_at TIMESTAMP NOT NULL, record VARCHAR NOT NULL)";

    private readonly DuckDBConnection connection;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private long lastSequence;

    public ExchangeJournal(string path, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.clock = clock;
        connection = EmbeddedDatabase.Open(path, "the service store", Schema, Audit.AuditLog.Schema, Audit.AuditLog.HeadSchema, Labels.LabelStore.Schema, StateSnapshots.Schema);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM service_exchanges";
        lastSequence = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Records journalled so far.</summary>
    public long Count
    {
        get
        {
            lock (gate)
            {
                return lastSequence;
            }
        }
    }

    /// <summary>Appends the batch in one transaction: all of it is durable on return, or none of it is kept.</summary>
    public void Append(IReadOnlyList<JournalEntry> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            var received = DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified);
            using var transaction = connection.BeginTransaction();
            var next = lastSequence;
            using (var appender = connection.CreateAppender("service_exchanges"))
            {
                foreach (var entry in batch)
                {
                    appender.CreateRow().AppendValue(++next).AppendValue(entry.EventId).AppendValue(received).AppendValue(entry.Json).EndRow();
                }
            }

            transaction.Commit();
            lastSequence = next;
        }
    }

    /// <summary>Every journalled exchange in the order it was accepted, checked again by the same validator.</summary>
    public IAsyncEnumerable<Exchange> ReadAsync(CancellationToken ct) => ReadAsync(0, Count, ct);

    /// <summary>The journalled exchanges after record <paramref name="from"/> up to record <paramref name="end"/>, in order.</summary>
    public async IAsyncEnumerable<Exchange> ReadAsync(long from, long end, [EnumeratorCancellation] CancellationToken ct)
    {
        const int Page = 10_000;
        var window = TimestampWindow.Default;
        for (long after = from; after < end; after += Page)
        {
            var rows = ReadPage(after, Math.Min(Page, end - after));
            foreach (var json in rows)
            {
                ct.ThrowIfCancellationRequested();
                if (ExchangeRecord.Check(Encoding.UTF8.GetBytes(json), window).Exchange is { } exchange)
                {
                    yield return exchange;
                }
            }

            await Task.Yield();
        }
    }

    /// <summary>Every journalled event id in the order accepted (a record's id stays when a snapshot strips its text).</summary>
    public void ForEachEventId(Action<string> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT event_id FROM service_exchanges ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                visit(reader.GetString(0));
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a connection of its own inside one transaction: it reads the store as it stood when
    /// the transaction began, whatever is written meanwhile, and holds no lock that ingest or the audit log waits on. For
    /// long reads that need one consistent view (verifying the whole audit chain against its recorded head).
    /// </summary>
    public T Snapshot<T>(Func<DuckDBConnection, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var own = new DuckDBConnection(connection.ConnectionString);
        own.Open();
        using var transaction = own.BeginTransaction();
        var result = work(own);
        transaction.Commit();
        return result;
    }

    /// <summary>Runs <paramref name="work"/> on the store's connection, serialised with every other call (the audit log shares the file).</summary>
    public T Use<T>(Func<DuckDBConnection, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (gate)
        {
            return work(connection);
        }
    }

    public void Dispose() => connection.Dispose();

    private List<string> ReadPage(long after, long size)
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT record FROM service_exchanges WHERE seq > $after AND seq <= $until ORDER BY seq";
            command.Parameters.Add(new DuckDBParameter("after", after));
            command.Parameters.Add(new DuckDBParameter("until", after + size));
            using var reader = command.ExecuteReader();
            var rows = new List<string>((int)size);
            while (reader.Read())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }
    }
}
