namespace DistillGuard.Storage;

using System.Data.Common;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sharing;
using DistillGuard.Core.Storage;
using DuckDB.NET.Data;

/// <summary>
/// An <see cref="IAnalysisStore"/> in one embedded DuckDB file. Many runs share a file; each
/// table carries <c>run_id</c>. Nothing is downloaded: extension auto-install/auto-load are off.
/// Not thread-safe. Every driver or file fault surfaces as a <see cref="StoreException"/> naming the file.
/// </summary>
public sealed class DuckDbAnalysisStore : IAnalysisStore
{
    private readonly DuckDBConnection connection;
    private ExchangeRows? exchanges;

    /// <summary>Opens (creating if absent) the store in <paramref name="path"/>.</summary>
    public DuckDbAnalysisStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        var builder = new DuckDBConnectionStringBuilder { DataSource = path };
        connection = new DuckDBConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            Sql.Execute(connection, "SET autoinstall_known_extensions = false");
            Sql.Execute(connection, "SET autoload_known_extensions = false");
            SchemaGuard.Ensure(connection, path);
        }
        catch (Exception ex) when (ex is not StoreException)
        {
            connection.Dispose();
            throw StoreException.For(path, "cannot open the database", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Runs this store began: they may still be under way, so the next run does not take them for stale.</summary>
    private readonly HashSet<string> begun = new(StringComparer.Ordinal);

    public void BeginRun(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Guard("begin run " + run.RunId, () =>
        {
            if (RunRows.Status(connection, run.RunId) is not null)
            {
                throw StoreException.For(Path, $"run '{run.RunId}' already exists");
            }

            using var transaction = connection.BeginTransaction();
            RunRows.FailStale(connection, begun);
            RunRows.Insert(connection, run);
            transaction.Commit();
            begun.Add(run.RunId);
        });
    }

    public void AppendExchanges(string runId, IReadOnlyList<StoredExchange> batch)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(batch);
        Guard("append exchanges to run " + runId, () =>
        {
            if (exchanges is not null && !string.Equals(exchanges.RunId, runId, StringComparison.Ordinal))
            {
                FlushExchanges();
            }

            exchanges ??= new ExchangeRows(connection, runId);
            exchanges.Append(batch);
        });
    }

    public void CompleteRun(AnalysisResult result, IReadOnlyList<AccountFeatures> features) => Complete(result, features, null, null);

    public void CompleteRun(AnalysisResult result, IReadOnlyList<AccountFeatures> features, IReadOnlyList<AccountEdges> edges, Action meanwhile)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(meanwhile);
        Complete(result, features, edges, meanwhile);
    }

    private void Complete(AnalysisResult result, IReadOnlyList<AccountFeatures> features, IReadOnlyList<AccountEdges>? edges, Action? meanwhile)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(features);
        var runId = result.Run.RunId;
        var aside = new List<Task>();
        Exception? stepFailure = null;
        try
        {
            Guard("complete run " + runId, () =>
            {
                FlushExchanges();
                using var transaction = connection.BeginTransaction();
                switch (RunRows.Status(connection, runId))
                {
                    case RunStatus.Complete:
                        throw StoreException.For(Path, $"run '{runId}' is already complete");
                    case null:
                        RunRows.Insert(connection, result.Run);
                        break;
                }

                // The edges are most of what a run stores at its end: they go in on connections of their own, a share of
                // the accounts each, while this one takes the rest and the caller's step runs. (An in-memory database
                // has no second connection, so its edges go in on this one.)
                if (edges is not null && IsFile)
                {
                    aside.AddRange(EdgeShares(edges).Select(share => Task.Run(() => AppendLinkEdgesAside(runId, share))));
                }
                else if (edges is not null)
                {
                    EdgeRows.Append(connection, runId, edges);
                }

                if (meanwhile is not null)
                {
                    // The caller's failure is the caller's: it is thrown as it is, not as a fault of the store.
                    aside.Add(Task.Run(() =>
                    {
                        try
                        {
                            meanwhile();
                        }
                        catch (Exception e)
                        {
                            stepFailure = e;
                        }
                    }));
                }

                FeatureRows.Append(connection, runId, features);
                ResultRows.AppendVerdicts(connection, runId, result.Accounts);
                ResultRows.AppendCampaigns(connection, runId, result.Campaigns);
                Task.WhenAll(aside).GetAwaiter().GetResult();
                if (stepFailure is null)
                {
                    RunRows.MarkComplete(connection, result);
                    transaction.Commit();
                }
            });
        }
        finally
        {
            // A part that failed still waits for the others, so nothing started here outlives the call.
            foreach (var pending in aside.Where(t => !t.IsCompleted))
            {
                ((IAsyncResult)pending).AsyncWaitHandle.WaitOne();
            }
        }

        if (stepFailure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(stepFailure);
        }
    }

    private bool IsFile => !string.Equals(Path, ":memory:", StringComparison.Ordinal);

    /// <summary>The accounts' edges cut into one consecutive share per processor (the appender's cost is per value).</summary>
    private static IEnumerable<AccountEdges[]> EdgeShares(IReadOnlyList<AccountEdges> edges) =>
        edges.Chunk(Math.Max(1, (edges.Count + Environment.ProcessorCount - 1) / Environment.ProcessorCount));

    private void AppendLinkEdgesAside(string runId, IReadOnlyList<AccountEdges> edges)
    {
        Guard("store link edges of run " + runId, () =>
        {
            using var own = new DuckDBConnection(connection.ConnectionString);
            own.Open();
            EdgeRows.Append(own, runId, edges);
        });
    }

    public void AppendLinkEdges(string runId, IReadOnlyList<AccountEdges> edges)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(edges);
        Guard("store link edges of run " + runId, () => EdgeRows.Append(connection, runId, edges));
    }

    public IReadOnlyList<AccountEdges> LoadLinkEdges(string runId, IReadOnlyList<AccountId> accounts)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(accounts);
        return Guard("load link edges of run " + runId, () => EdgeRows.Load(connection, runId, accounts));
    }

    public IReadOnlyList<CampaignBreakdown> Breakdowns(string runId, IReadOnlyList<IReadOnlyList<AccountId>> sets)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(sets);
        return Guard("break down exchanges of run " + runId, () =>
        {
            FlushExchanges();
            return TimelineQuery.Breakdowns(connection, runId, sets);
        });
    }

    public void SaveSharingFingerprints(string runId, string keyId, IReadOnlyList<SharingFingerprint> fingerprints)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(fingerprints);
        Guard("store sharing fingerprints of run " + runId, () => SharingRows.Save(connection, runId, keyId, fingerprints));
    }

    public (string KeyId, IReadOnlyList<SharingFingerprint> Fingerprints)? LoadSharingFingerprints(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Guard("load sharing fingerprints of run " + runId, () => SharingRows.Load(connection, runId));
    }

    public IReadOnlyList<StoredRun> ListRuns() => Guard("list runs", () => RunRows.List(connection));

    /// <summary>Writes buffered exchanges into the table now; done anyway by <see cref="CompleteRun"/> and <see cref="Dispose"/>.</summary>
    public void Flush() => Guard("flush exchanges", FlushExchanges);

    public AnalysisResult? LoadRun(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Guard("load run " + runId, () =>
        {
            var stored = RunRows.Find(connection, runId);
            if (stored is not { Status: RunStatus.Complete })
            {
                return null;
            }

            return new AnalysisResult(
                stored.Run,
                ResultReader.Verdicts(connection, runId),
                ResultReader.Campaigns(connection, runId));
        });
    }

    public AccountFeatures? LoadFeatures(string runId, AccountId account)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Guard("load features of " + account.Value, () => FeatureRows.Load(connection, runId, account));
    }

    public void Dispose()
    {
        try
        {
            Guard("flush exchanges", FlushExchanges);
        }
        finally
        {
            connection.Dispose();
        }
    }

    private void FlushExchanges()
    {
        var open = exchanges;
        exchanges = null;
        open?.Dispose();
    }

    private void Guard(string what, Action action) => Guard(what, () =>
    {
        action();
        return 0;
    });

    /// <summary>The one place driver faults become <see cref="StoreException"/>s naming the file.</summary>
    private T Guard<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DbException ex)
        {
            throw StoreException.For(Path, "cannot " + what, ex);
        }
        catch (IOException ex)
        {
            throw StoreException.For(Path, "cannot " + what, ex);
        }
    }
}
