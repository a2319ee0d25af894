namespace DistillGuard.Storage;

using System.Data.Common;
using System.Globalization;
using DistillGuard.Core.Model;
using DistillGuard.Core.Storage;
using DuckDB.NET.Data;

/// <summary>The <c>runs</c> table: one row per run, its provenance, status and counts.</summary>
internal static class RunRows
{
    private const string Running = "running";
    private const string Complete = "complete";
    private const string Failed = "failed";

    /// <summary>Every table that holds rows of a run besides <c>runs</c> itself.</summary>
    private static readonly string[] RunTables =
    [
        "exchanges", "account_features", "verdicts", "account_reasons", "campaigns", "campaign_accounts", "campaign_capabilities",
        "campaign_models", "campaign_evidence", "campaign_timeline", "link_edges", "sharing_fingerprints", "sharing_keys",
    ];

    /// <summary>
    /// Marks every run still <c>running</c> as <c>failed</c> and removes its rows: the store admits one writer, so a run
    /// found running when another begins, and not begun by this process (<paramref name="live"/>), was killed or crashed.
    /// Returns the runs marked.
    /// </summary>
    public static IReadOnlyList<string> FailStale(DuckDBConnection connection, IReadOnlySet<string> live)
    {
        var stale = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT run_id FROM runs WHERE status = '" + Running + "' ORDER BY run_id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var run = reader.GetString(0);
                if (!live.Contains(run))
                {
                    stale.Add(run);
                }
            }
        }

        // The sharing tables exist only once a run has been fingerprinted.
        var present = RunTables.Where(t => Convert.ToInt64(Sql.Scalar(connection,
            "SELECT count(*) FROM information_schema.tables WHERE table_name = $table", ("table", t)), CultureInfo.InvariantCulture) > 0).ToArray();
        foreach (var run in stale)
        {
            foreach (var table in present)
            {
                Sql.Execute(connection, "DELETE FROM " + table + " WHERE run_id = $run", ("run", run));
            }

            Sql.Execute(connection, "UPDATE runs SET status = '" + Failed + "' WHERE run_id = $run", ("run", run));
        }

        return stale;
    }

    private const string Columns =
        "run_id, started_at, input, model_version, status, wall_time_seconds, read_count, accepted_count, " +
        "rejected_count, duplicate_count, accounts, flagged_accounts, campaigns, detection_options";

    public static RunStatus? Status(DuckDBConnection connection, string runId) =>
        Sql.Scalar(connection, "SELECT status FROM runs WHERE run_id = $run", ("run", runId)) is string status ? Parse(status) : null;

    private static RunStatus Parse(string status) => status switch
    {
        Complete => RunStatus.Complete,
        Failed => RunStatus.Failed,
        _ => RunStatus.Running,
    };

    public static void Insert(DuckDBConnection connection, RunInfo run) =>
        Sql.Execute(connection,
            "INSERT INTO runs (" + Columns + ", seq) VALUES ($run, $started, $input, $model, '" + Running + "', $wall, " +
            "$read, $accepted, $rejected, $duplicates, 0, 0, 0, $options, (SELECT coalesce(max(seq), 0) + 1 FROM runs))",
            ("run", run.RunId),
            ("started", run.StartedAt.ToUniversalTime()),
            ("input", run.Input),
            ("model", run.ModelVersion),
            ("wall", run.WallTime.TotalSeconds),
            ("read", run.Counts.Read),
            ("accepted", run.Counts.Accepted),
            ("rejected", run.Counts.Rejected),
            ("duplicates", run.Counts.Duplicates),
            ("options", run.DetectionOptions));

    public static void MarkComplete(DuckDBConnection connection, AnalysisResult result)
    {
        var run = result.Run;
        Sql.Execute(connection,
            "UPDATE runs SET status = '" + Complete + "', started_at = $started, input = $input, model_version = $model, " +
            "wall_time_seconds = $wall, read_count = $read, accepted_count = $accepted, rejected_count = $rejected, " +
            "duplicate_count = $duplicates, accounts = $accounts, flagged_accounts = $flagged, campaigns = $campaigns " +
            "WHERE run_id = $run",
            ("run", run.RunId),
            ("started", run.StartedAt.ToUniversalTime()),
            ("input", run.Input),
            ("model", run.ModelVersion),
            ("wall", run.WallTime.TotalSeconds),
            ("read", run.Counts.Read),
            ("accepted", run.Counts.Accepted),
            ("rejected", run.Counts.Rejected),
            ("duplicates", run.Counts.Duplicates),
            ("accounts", result.Accounts.Count),
            ("flagged", result.Accounts.Count(a => a.Verdict == Verdict.Distillation)),
            ("campaigns", result.Campaigns.Count));
    }

    public static IReadOnlyList<StoredRun> List(DuckDBConnection connection)
    {
        using var command = Sql.Command(connection, "SELECT " + Columns + " FROM runs ORDER BY seq");
        using var reader = command.ExecuteReader();
        var runs = new List<StoredRun>();
        while (reader.Read())
        {
            runs.Add(Read(reader));
        }

        return runs;
    }

    public static StoredRun? Find(DuckDBConnection connection, string runId)
    {
        using var command = Sql.Command(connection, "SELECT " + Columns + " FROM runs WHERE run_id = $run", ("run", runId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static StoredRun Read(DbDataReader r)
    {
        var info = new RunInfo(
            RunId: r.GetString(0),
            StartedAt: Sql.Instant(r, 1),
            WallTime: TimeSpan.FromTicks((long)Math.Round(r.GetDouble(5) * TimeSpan.TicksPerSecond)),
            Input: r.GetString(2),
            ModelVersion: r.GetString(3),
            Counts: new RunCounts(r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9)))
        {
            DetectionOptions = r.IsDBNull(13) ? null : r.GetString(13),
        };
        var status = Parse(r.GetString(4));
        return new StoredRun(
            info,
            status,
            Convert.ToInt32(r.GetValue(10), CultureInfo.InvariantCulture),
            Convert.ToInt32(r.GetValue(11), CultureInfo.InvariantCulture),
            Convert.ToInt32(r.GetValue(12), CultureInfo.InvariantCulture));
    }
}
