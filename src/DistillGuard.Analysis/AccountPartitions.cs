using System.Threading.Channels;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Analysis;

/// <summary>
/// The accounts of a run split into partitions by a hash of the account id, each with its own table (and sharing and
/// wrapper samples) and its own worker: every account's state is touched by one thread only, so no lock is taken per
/// exchange, and each partition still sees its accounts' exchanges in input order. Put back together at the end in the
/// order accounts were first seen, the result is what one table fed the whole input holds, whatever the partition count.
/// </summary>
internal sealed class AccountPartitions
{
    private readonly Partition[] _partitions;

    public AccountPartitions(int count, bool sharing, ulong? wrapperSalt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _partitions = [.. Enumerable.Range(0, count).Select(i => new Partition(i, count, sharing, wrapperSalt))];
    }

    /// <summary>Hands a batch (exchanges from input position <paramref name="position"/> on) to every partition; each takes its own accounts.</summary>
    public async ValueTask AddAsync(Exchange[] exchanges, ExchangeSignals[] signals, long position, CancellationToken ct)
    {
        var batch = new Batch(exchanges, signals, position);
        foreach (var partition in _partitions)
        {
            await partition.Pending.Writer.WriteAsync(batch, ct);
        }
    }

    /// <summary>Ends the input, waits for every partition and puts the accounts back together.</summary>
    public async Task<(AccountTable Table, SharingMaterial? Sharing, WrapperSamples? Wrappers)> CompleteAsync()
    {
        foreach (var partition in _partitions)
        {
            partition.Pending.Writer.TryComplete();
        }

        await Task.WhenAll(_partitions.Select(p => p.Work));
        var sharing = _partitions[0].Sharing;
        var wrappers = _partitions[0].Wrappers;
        foreach (var partition in _partitions.Skip(1))
        {
            sharing?.Absorb(partition.Sharing!);
            wrappers?.Absorb(partition.Wrappers!);
        }

        return (AccountTable.Combine([.. _partitions.Select(p => p.Table)]), sharing, wrappers);
    }

    /// <summary>Stops the workers after a failure elsewhere; what they hold is dropped.</summary>
    public void Abandon()
    {
        foreach (var partition in _partitions)
        {
            partition.Pending.Writer.TryComplete();
        }
    }

    private sealed record Batch(Exchange[] Exchanges, ExchangeSignals[] Signals, long Position);

    private sealed class Partition
    {
        private readonly int _index;
        private readonly int _count;

        public Partition(int index, int count, bool sharing, ulong? wrapperSalt)
        {
            (_index, _count) = (index, count);
            Sharing = sharing ? new SharingMaterial() : null;
            Wrappers = wrapperSalt is { } salt ? new WrapperSamples(salt) : null;
            Work = Task.Run(RunAsync);
        }

        // A few batches queued per partition: enough to ride out an uneven batch, bounded so reading waits for folding.
        public Channel<Batch> Pending { get; } = Channel.CreateBounded<Batch>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });

        public AccountTable Table { get; } = new();

        public SharingMaterial? Sharing { get; }

        public WrapperSamples? Wrappers { get; }

        public Task Work { get; }

        private async Task RunAsync()
        {
            await foreach (var batch in Pending.Reader.ReadAllAsync())
            {
                for (var i = 0; i < batch.Exchanges.Length; i++)
                {
                    var exchange = batch.Exchanges[i];
                    if (_count > 1 && (int)(StableHash.Of(exchange.AccountId.Value) % (ulong)_count) != _index)
                    {
                        continue;
                    }

                    Table.Add(exchange, batch.Signals[i], batch.Position + i);
                    Sharing?.Add(exchange, batch.Signals[i]);
                    Wrappers?.Add(exchange, batch.Signals[i]);
                }
            }
        }
    }
}
