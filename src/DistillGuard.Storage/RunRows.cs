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

    private const string Columns =
        "run_id, started_at, input, model_version, status, wall_time_seconds, read_count, accepted_count, " +
        "rejected_count, duplicate_count, accounts, flagged_accounts, campaigns";

    public static RunStatus? Status(DuckDBConnection connection, string runId) =>
        Sql.Scalar(connection, "SELECT status FROM runs WHERE run_id = $run", ("run", runId)) switch
        {
            null => null,
            Complete => RunStatus.Complete,
            _ => RunStatus.Running,
        };

    public static void Insert(DuckDBConnection connection, RunInfo run) =>
        Sql.Execute(connection,
            "INSERT INTO runs (" + Columns + ", seq) VALUES ($run, $started, $input, $model, '" + Running + "', $wall, " +
            "$read, $accepted, $rejected, $duplicates, 0, 0, 0, (SELECT coalesce(max(seq), 0) + 1 FROM runs))",
            ("run", run.RunId),
            ("started", run.StartedAt.ToUniversalTime()),
            ("input", run.Input),
            ("model", run.ModelVersion),
            ("wall", run.WallTime.TotalSeconds),
            ("read", run.Counts.Read),
            ("accepted", run.Counts.Accepted),
            ("rejected", run.Counts.Rejected),
            ("duplicates", run.Counts.Duplicates));

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
            Counts: new RunCounts(r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9)));
        var status = string.Equals(r.GetString(4), Complete, StringComparison.Ordinal) ? RunStatus.Complete : RunStatus.Running;
        return new StoredRun(
            info,
            status,
            Convert.ToInt32(r.GetValue(10), CultureInfo.InvariantCulture),
            Convert.ToInt32(r.GetValue(11), CultureInfo.InvariantCulture),
            Convert.ToInt32(r.GetValue(12), CultureInfo.InvariantCulture));
    }
}
