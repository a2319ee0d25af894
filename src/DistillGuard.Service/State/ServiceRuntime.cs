using DistillGuard.Core.Features;
using DistillGuard.Service.Audit;
using DistillGuard.Service.Config;
using DistillGuard.Service.Decisions;
using DistillGuard.Service.Ingest;
using DistillGuard.Service.Verdicts;
using Microsoft.Extensions.Logging;

namespace DistillGuard.Service.State;

/// <summary>
/// What the service holds between requests: the journal, the accounts' states, the ingest writer, the verdicts and the
/// relinker. Opening it restores the last state snapshot and replays the journal after it into the states (nothing lost,
/// nothing counted twice: the journal holds each event id once and the snapshot names the last record it holds), relinks once so decisions start from the stored history, and starts the background relink; disposing
/// it stops the relinker, finishes the queued batches and closes the store.
/// </summary>
internal sealed class ServiceRuntime : IAsyncDisposable
{
    private ServiceRuntime(ExchangeJournal journal, LiveAccounts accounts, IngestWriter writer, VerdictBoard verdicts, Relinker relinker, AuditLog audit)
    {
        Audit = audit;
        Journal = journal;
        Accounts = accounts;
        Writer = writer;
        Verdicts = verdicts;
        Relinker = relinker;
    }

    public ExchangeJournal Journal { get; }

    public LiveAccounts Accounts { get; }

    public IngestWriter Writer { get; }

    /// <summary>The verdicts deciding reads.</summary>
    public VerdictBoard Verdicts { get; }

    public Relinker Relinker { get; }

    /// <summary>Every action taken, hash-chained.</summary>
    public AuditLog Audit { get; }

    /// <summary>The policy decisions apply.</summary>
    public required IDecisionPolicy Policy { get; init; }

    public static async Task<ServiceRuntime> OpenAsync(ServiceConfig config, string databasePath, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var journal = new ExchangeJournal(databasePath, clock);
        var accounts = new LiveAccounts();
        try
        {
            await ReplayAsync(journal, accounts, ct);
            var verdicts = new VerdictBoard();
            var audit = new AuditLog(journal);
            var relinker = new Relinker(accounts, journal, verdicts, audit, config.Policy, config.Scoring, clock, logger);
            if (accounts.Exchanges > 0)
            {
                await relinker.RelinkAsync(ct);
            }

            relinker.Start(config.Relink);
            return new ServiceRuntime(journal, accounts, new IngestWriter(accounts, journal, config.IngestQueueBatches, logger), verdicts, relinker, audit) { Policy = config.Policy };
        }
        catch
        {
            accounts.Dispose();
            journal.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Relinker.DisposeAsync();
        await Writer.DisposeAsync();
        Journal.Dispose();
        Accounts.Dispose();
    }

    /// <summary>The latest state snapshot, every event id journalled, then the records after the snapshot folded in.</summary>
    private static async Task ReplayAsync(ExchangeJournal journal, LiveAccounts accounts, CancellationToken ct)
    {
        var covered = await accounts.WithAsync(held =>
        {
            var sequence = StoredState.RestoreSnapshot(journal, held.Table);
            journal.ForEachEventId(held.MarkSeen);
            held.CountRestored();
            return sequence;
        }, ct);
        await foreach (var exchange in journal.ReadAsync(covered, journal.Count, ct))
        {
            var signals = ExchangeSignals.Of(exchange);
            await accounts.WithAsync(held =>
            {
                held.Accept(exchange, signals);
                return 0;
            }, ct);
        }
    }
}
