using DistillGuard.Core.Features;
using DistillGuard.Service.Config;
using DistillGuard.Service.Ingest;
using Microsoft.Extensions.Logging;

namespace DistillGuard.Service.State;

/// <summary>
/// What the service holds between requests: the journal, the accounts' states and the ingest writer. Opening it replays
/// the journal into the states (nothing lost, nothing counted twice: the journal holds each event id once); disposing it
/// finishes the queued batches and closes the store.
/// </summary>
internal sealed class ServiceRuntime : IAsyncDisposable
{
    private ServiceRuntime(ExchangeJournal journal, LiveAccounts accounts, IngestWriter writer)
    {
        Journal = journal;
        Accounts = accounts;
        Writer = writer;
    }

    public ExchangeJournal Journal { get; }

    public LiveAccounts Accounts { get; }

    public IngestWriter Writer { get; }

    public static async Task<ServiceRuntime> OpenAsync(ServiceConfig config, string databasePath, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var journal = new ExchangeJournal(databasePath, clock);
        var accounts = new LiveAccounts();
        try
        {
            await ReplayAsync(journal, accounts, ct);
            return new ServiceRuntime(journal, accounts, new IngestWriter(accounts, journal, config.IngestQueueBatches, logger));
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
        await Writer.DisposeAsync();
        Journal.Dispose();
        Accounts.Dispose();
    }

    private static async Task ReplayAsync(ExchangeJournal journal, LiveAccounts accounts, CancellationToken ct)
    {
        await foreach (var exchange in journal.ReadAsync(ct))
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
