using DistillGuard.Core.Model;
using DistillGuard.Core.Storage;
using DistillGuard.Storage;

namespace DistillGuard.Cli.Commands;

/// <summary>Opens an analysis store and loads one complete run from it: the one named, or the latest.</summary>
internal static class StoredRunLookup
{
    /// <summary>The open store (the caller disposes it) and the run; a missing file or run is an <see cref="ArgumentException"/> naming it.</summary>
    public static (DuckDbAnalysisStore Store, AnalysisResult Run) Open(string db, string? runId)
    {
        if (!File.Exists(db))
        {
            throw new ArgumentException($"database '{db}' does not exist");
        }

        var store = new DuckDbAnalysisStore(db);
        try
        {
            var id = runId ?? store.ListRuns().LastOrDefault(r => r.Status == RunStatus.Complete)?.Run.RunId
                ?? throw new ArgumentException($"database '{db}' holds no complete run");
            return (store, store.LoadRun(id) ?? throw new ArgumentException($"run '{id}' is unknown or not complete"));
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
