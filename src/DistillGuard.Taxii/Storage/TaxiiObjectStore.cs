using System.Data.Common;
using System.Globalization;
using System.Text;
using DistillGuard.Storage;
using DistillGuard.Taxii.Protocol;
using DuckDB.NET.Data;

namespace DistillGuard.Taxii.Storage;

/// <summary>
/// The server's objects in one embedded DuckDB file. Each (collection, id, version) is kept once,
/// as posted; every row carries the date it was added and a sequence number that is unique and
/// grows with each insert, so (date_added, seq) totally orders a collection for paging.
/// Calls are serialised by one lock: DuckDB connections are not thread-safe. Nothing is downloaded.
/// </summary>
public sealed class TaxiiObjectStore : IDisposable
{
    private const string Schema =
        "CREATE TABLE IF NOT EXISTS taxii_objects (" +
        "collection_id VARCHAR NOT NULL, object_id VARCHAR NOT NULL, object_type VARCHAR NOT NULL, " +
        "spec_version VARCHAR NOT NULL, modified TIMESTAMP, date_added TIMESTAMP NOT NULL, " +
        "seq BIGINT NOT NULL PRIMARY KEY, json VARCHAR NOT NULL)";

    private const string StatusSchema =
        "CREATE TABLE IF NOT EXISTS taxii_status (status_id VARCHAR PRIMARY KEY, owner VARCHAR NOT NULL, json VARCHAR NOT NULL)";

    private readonly DuckDBConnection connection;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private long lastSequence;

    /// <summary>Opens (creating if absent) the store in <paramref name="path"/>; <c>:memory:</c> is allowed for tests.</summary>
    public TaxiiObjectStore(string path, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        this.clock = clock ?? throw new ArgumentNullException(nameof(clock));
        connection = EmbeddedDatabase.Open(path, "TAXII store", Schema, StatusSchema);
        using var command = Command("SELECT coalesce(max(seq), 0) FROM taxii_objects");
        lastSequence = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Adds each object not already held with the same id and version; returns, per input, whether
    /// it was new. All inputs share one date_added (the clock's now), in one transaction.
    /// </summary>
    public IReadOnlyList<bool> Add(string collectionId, IReadOnlyList<ValidStixObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var added = new bool[objects.Count];
        lock (gate)
        {
            var now = Sql(TaxiiTimestamp.Truncate(clock.GetUtcNow()));
            using var transaction = connection.BeginTransaction();
            var next = lastSequence;
            for (var i = 0; i < objects.Count; i++)
            {
                var o = objects[i];
                if (Exists(collectionId, o))
                {
                    continue;
                }

                using var insert = Command(
                    "INSERT INTO taxii_objects VALUES ($c, $id, $type, '2.1', $modified, $added, $seq, $json)",
                    ("c", collectionId), ("id", o.Id), ("type", o.Type), ("modified", o.Modified is { } m ? Sql(m) : null),
                    ("added", now), ("seq", ++next), ("json", o.Json));
                insert.ExecuteNonQuery();
                added[i] = true;
            }

            transaction.Commit();
            lastSequence = next;
        }

        return added;
    }

    /// <summary>One page of the objects matching <paramref name="query"/>, ordered by (date_added, seq).</summary>
    public ObjectPage Find(ObjectQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, parameters) = BuildQuery(query);
        lock (gate)
        {
            using var command = Command(sql, parameters.ToArray());
            using var reader = command.ExecuteReader();
            var rows = new List<StoredObject>();
            while (reader.Read())
            {
                rows.Add(new StoredObject(
                    reader.GetString(0),
                    reader.IsDBNull(1) ? null : Instant(reader, 1),
                    Instant(reader, 2),
                    reader.GetInt64(3),
                    reader.GetString(4)));
            }

            var more = rows.Count > query.Limit;
            return new ObjectPage(more ? rows[..query.Limit] : rows, more);
        }
    }

    /// <summary>Keeps a status resource (as JSON) so that the token <paramref name="owner"/> can fetch it again.</summary>
    public void SaveStatus(string statusId, string owner, string json)
    {
        lock (gate)
        {
            using var insert = Command("INSERT INTO taxii_status VALUES ($id, $owner, $json)", ("id", statusId), ("owner", owner), ("json", json));
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The status resource JSON with this id posted by <paramref name="owner"/>, or null.</summary>
    public string? FindStatus(string statusId, string owner)
    {
        lock (gate)
        {
            using var select = Command("SELECT json FROM taxii_status WHERE status_id = $id AND owner = $owner", ("id", statusId), ("owner", owner));
            return select.ExecuteScalar() as string;
        }
    }

    public void Dispose() => connection.Dispose();

    private static (string Sql, List<(string, object?)> Parameters) BuildQuery(ObjectQuery query)
    {
        var sql = new StringBuilder("SELECT object_id, modified, date_added, seq, json FROM taxii_objects t WHERE collection_id = $c");
        var parameters = new List<(string, object?)> { ("c", query.CollectionId), ("limit", query.Limit + 1) };
        if (query.AddedAfter is { } after)
        {
            sql.Append(" AND date_added > $after");
            parameters.Add(("after", Sql(after)));
        }

        if (query.After is { } cursor)
        {
            sql.Append(" AND (date_added > $cd OR (date_added = $cd AND seq > $cs))");
            parameters.Add(("cd", Sql(cursor.DateAdded)));
            parameters.Add(("cs", cursor.Sequence));
        }

        AppendIn(sql, parameters, "object_id", "id", query.Ids);
        AppendIn(sql, parameters, "object_type", "type", query.Types);
        var pick = query.Versions switch
        {
            VersionSelection.Last => "arg_max",
            VersionSelection.First => "arg_min",
            _ => null,
        };
        if (pick is not null)
        {
            sql.Append(" AND seq = (SELECT ").Append(pick).Append("(o.seq, coalesce(o.modified, o.date_added)) FROM taxii_objects o ")
                .Append("WHERE o.collection_id = t.collection_id AND o.object_id = t.object_id)");
        }

        sql.Append(" ORDER BY date_added, seq LIMIT $limit");
        return (sql.ToString(), parameters);
    }

    private static void AppendIn(StringBuilder sql, List<(string, object?)> parameters, string column, string prefix, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        sql.Append(" AND ").Append(column).Append(" IN (");
        for (var i = 0; i < values.Count; i++)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "$" : ", $").Append(name);
            parameters.Add((name, values[i]));
        }

        sql.Append(')');
    }

    private bool Exists(string collectionId, ValidStixObject o)
    {
        using var command = Command(
            "SELECT count(*) FROM taxii_objects WHERE collection_id = $c AND object_id = $id AND modified IS NOT DISTINCT FROM $modified",
            ("c", collectionId), ("id", o.Id), ("modified", o.Modified is { } m ? Sql(m) : null));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>TIMESTAMP columns hold UTC wall time without a zone.</summary>
    private static DateTime Sql(DateTimeOffset value) => DateTime.SpecifyKind(value.UtcDateTime, DateTimeKind.Unspecified);

    private static DateTimeOffset Instant(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc), TimeSpan.Zero),
        var other => throw new InvalidCastException($"column {reader.GetName(ordinal)} holds {other.GetType()}, not a timestamp"),
    };

    private DuckDBCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is built from constants; every value goes through a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }

        return command;
    }
}
