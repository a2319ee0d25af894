using DistillGuard.Analysis;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Ingest.Dedup;

namespace DistillGuard.Service.State;

/// <summary>
/// The per-account half of the service: every account's state (<see cref="AccountTable"/>, the analyze host's type) and
/// the event ids already accepted. One lock serialises the ingest writer and the relinker, which copies every state
/// under it and links the copy; deciding never takes it.
/// </summary>
internal sealed class LiveAccounts : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly AccountTable table = new();
    private readonly EventIdSet seen = new();
    private long exchanges;

    /// <summary>Exchanges folded into the states so far.</summary>
    public long Exchanges => Interlocked.Read(ref exchanges);

    /// <summary>Runs <paramref name="work"/> with the states to itself.</summary>
    public async Task<T> WithAsync<T>(Func<Holder, T> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        await gate.WaitAsync(ct);
        try
        {
            return work(new Holder(this));
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>The states while the lock is held: only <see cref="WithAsync{T}"/> hands one out.</summary>
    internal readonly struct Holder(LiveAccounts owner)
    {
        public AccountTable Table => owner.table;

        public int Accounts => owner.table.Count;

        public bool Seen(string eventId) => owner.seen.Contains(eventId);

        /// <summary>Records the event id as accepted, for a record whose exchange a restored snapshot already holds.</summary>
        public void MarkSeen(string eventId) => owner.seen.Add(eventId);

        /// <summary>After a snapshot is restored into <see cref="Table"/>: the exchanges it holds are the ones counted.</summary>
        public void CountRestored() => Interlocked.Exchange(ref owner.exchanges, owner.table.States.Sum(s => s.Exchanges));

        /// <summary>Records the event id as accepted and folds the exchange into its account's state.</summary>
        public void Accept(Exchange exchange, in ExchangeSignals signals)
        {
            owner.seen.Add(exchange.EventId);
            owner.table.Add(exchange, signals);
            Interlocked.Increment(ref owner.exchanges);
        }
    }
}
