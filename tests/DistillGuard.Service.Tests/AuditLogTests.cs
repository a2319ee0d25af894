using DistillGuard.Core.Enforcement;
using DistillGuard.Service.Audit;
using DistillGuard.Service.State;

namespace DistillGuard.Service.Tests;

/// <summary>Verifying the audit chain reads one consistent view of the store and holds nothing that ingest or appends wait on.</summary>
public sealed class AuditLogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task VerifyingWhileEntriesAreAppendedAlwaysFindsTheChainWhole()
    {
        using var dir = new TempDir();
        using var journal = new ExchangeJournal(dir["db.duckdb"], TimeProvider.System);
        var audit = new AuditLog(journal);
        const int Batches = 150;
        var appending = Task.Run(() =>
        {
            for (var i = 0; i < Batches; i++)
            {
                audit.Append([Draft(i, "a"), Draft(i, "b")]);
            }
        });

        // Each check sees the head and the entries of one moment: an append landing between reading them is not a gap.
        var checks = new List<AuditVerificationView>();
        while (!appending.IsCompleted)
        {
            checks.Add(audit.Verify());
        }

        await appending.WaitAsync(Patience);
        checks.Add(audit.Verify());
        Assert.All(checks, c => Assert.True(c.Valid, $"{c.Reason} (entry {c.FirstInvalid} of {c.Entries})"));
        Assert.Equal(checks.Select(c => c.Entries).Order(), checks.Select(c => c.Entries));
        Assert.Equal(2 * Batches, checks[^1].Entries);
    }

    [Fact]
    public async Task ASnapshotReadHoldsNoLockAndDoesNotSeeWhatIsWrittenWhileItReads()
    {
        using var dir = new TempDir();
        using var journal = new ExchangeJournal(dir["db.duckdb"], TimeProvider.System);
        var audit = new AuditLog(journal);
        audit.Append([Draft(0, "a")]);
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var reading = Task.Run(() => journal.Snapshot(connection =>
        {
            var before = Entries(connection);
            inside.SetResult();
            release.Task.Wait(Patience);
            return (Before: before, After: Entries(connection));
        }));
        await inside.Task.WaitAsync(Patience);

        // Both writers finish while the snapshot is still open: it holds neither the store's lock nor the audit log's.
        await Task.Run(() => journal.Append([new JournalEntry("ev-1", Some.Record("ev-1"))])).WaitAsync(Patience);
        await Task.Run(() => audit.Append([Draft(1, "b")])).WaitAsync(Patience);
        Assert.True(audit.Verify().Valid);
        Assert.Equal(2, audit.Verify().Entries);

        release.SetResult();
        var (before, after) = await reading.WaitAsync(Patience);
        Assert.Equal(1, before);
        Assert.Equal(1, after);
        Assert.Equal(1, journal.Count);
    }

    private static long Entries(DuckDB.NET.Data.DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM service_audit";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static AuditDraft Draft(int i, string who) => new(
        DateTimeOffset.UnixEpoch.AddMinutes(i), "policy", AuditOrigin.Policy, $"account:acct-{who}-{i}", EnforcementAction.Throttle,
        Shadow: false, ExpiresAt: null, PolicyVersion: "test", Evidence: "{}");
}
