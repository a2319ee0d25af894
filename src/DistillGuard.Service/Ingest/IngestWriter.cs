using System.Threading.Channels;
using DistillGuard.Service.State;
using Microsoft.Extensions.Logging;

namespace DistillGuard.Service.Ingest;

/// <summary>The counts of one ingest reply: accepted + rejected + duplicates = records sent.</summary>
public sealed record IngestReply(int Accepted, int Rejected, int Duplicates, IReadOnlyList<RecordReject> Rejects);

/// <summary>
/// The one writer of accepted exchanges. A batch waits in a bounded queue; when the queue is full the batch is refused
/// at once (the caller answers 429) and nothing of it is kept. Once queued, a batch is written: its new event ids are
/// journalled in one transaction, then folded into the accounts' states, then the reply is completed, so an
/// acknowledged record is durable and a journal failure leaves neither the journal nor the states changed.
/// </summary>
internal sealed class IngestWriter : IAsyncDisposable
{
    private readonly Channel<Pending> queue;
    private readonly LiveAccounts accounts;
    private readonly ExchangeJournal journal;
    private readonly ILogger logger;
    private readonly Task loop;

    public IngestWriter(LiveAccounts accounts, ExchangeJournal journal, int capacity, ILogger logger)
    {
        this.accounts = accounts;
        this.journal = journal;
        this.logger = logger;
        queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        loop = Task.Run(RunAsync);
    }

    /// <summary>The reply once the batch is durable and folded in; null when the queue is full and nothing was kept.</summary>
    public Task<IngestReply>? TrySubmit(ExchangeBatch batch)
    {
        var pending = new Pending(batch, new TaskCompletionSource<IngestReply>(TaskCreationOptions.RunContinuationsAsynchronously));
        return queue.Writer.TryWrite(pending) ? pending.Reply.Task : null;
    }

    /// <summary>Stops taking batches and finishes every batch already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        await foreach (var pending in queue.Reader.ReadAllAsync())
        {
            try
            {
                pending.Reply.SetResult(await accounts.WithAsync(held => Write(pending.Batch, held), CancellationToken.None));
            }
            catch (Exception ex)
            {
                // The writer's boundary: a failed batch is answered as failed and the next one is still written.
                logger.LogError(ex, "an ingest batch could not be journalled; none of it was kept");
                pending.Reply.SetException(ex);
            }
        }
    }

    private IngestReply Write(ExchangeBatch batch, LiveAccounts.Holder held)
    {
        var fresh = new List<ValidRecord>(batch.Valid.Count);
        var inBatch = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in batch.Valid)
        {
            if (!held.Seen(record.Exchange.EventId) && inBatch.Add(record.Exchange.EventId))
            {
                fresh.Add(record);
            }
        }

        journal.Append([.. fresh.Select(r => new JournalEntry(r.Exchange.EventId, r.Json))]);
        foreach (var record in fresh)
        {
            held.Accept(record.Exchange, record.Signals);
        }

        return new IngestReply(fresh.Count, batch.Rejects.Count, batch.Valid.Count - fresh.Count, batch.Rejects);
    }

    private sealed record Pending(ExchangeBatch Batch, TaskCompletionSource<IngestReply> Reply);
}
