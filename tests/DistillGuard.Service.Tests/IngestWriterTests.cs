using DistillGuard.Ingest;
using DistillGuard.Service.Ingest;
using DistillGuard.Service.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace DistillGuard.Service.Tests;

/// <summary>The writer's queue is bounded: a batch it cannot queue is refused whole and never half-kept.</summary>
public sealed class IngestWriterTests
{
    [Fact]
    public async Task WhenTheQueueIsFullABatchIsRefusedAndNoneOfItIsKeptWhileQueuedBatchesAreAllWritten()
    {
        using var dir = new TempDir();
        using var journal = new ExchangeJournal(dir["db.duckdb"], TimeProvider.System);
        using var accounts = new LiveAccounts();
        var writer = new IngestWriter(accounts, journal, capacity: 2, NullLogger.Instance);
        var release = new TaskCompletionSource();
        var held = new TaskCompletionSource();
        // The relinker's turn: the writer cannot fold anything in while it holds the states.
        var holding = Task.Run(() => accounts.WithAsync(_ =>
        {
            held.SetResult();
            release.Task.Wait();
            return 0;
        }, CancellationToken.None));
        await held.Task;

        var replies = new List<Task<IngestReply>>();
        Task<IngestReply>? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var submitted = writer.TrySubmit(Batch($"q-{i}"));
            if (submitted is null)
            {
                refused = Task.FromResult<IngestReply>(null!);
            }
            else
            {
                replies.Add(submitted);
            }
        }

        Assert.NotNull(refused);
        release.SetResult();
        await holding;
        var written = await Task.WhenAll(replies);
        await writer.DisposeAsync();
        Assert.All(written, r => Assert.Equal(1, r.Accepted));
        Assert.Equal(replies.Count, journal.Count);
        Assert.Equal(replies.Count, accounts.Exchanges);
    }

    private static ExchangeBatch Batch(string eventId) =>
        ExchangeBatch.Read(System.Text.Encoding.UTF8.GetBytes(Some.Record(eventId)), jsonArray: false, TimestampWindow.Default).Batch!;
}
