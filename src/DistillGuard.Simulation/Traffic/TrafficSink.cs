using DistillGuard.Core.Model;

namespace DistillGuard.Simulation.Traffic;

/// <summary>Collects the exchanges that fall inside the simulated period; drops the rest.</summary>
internal sealed class TrafficSink(DateTimeOffset start, DateTimeOffset end)
{
    private readonly List<Exchange> exchanges = new(capacity: 1 << 16);

    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset End { get; } = end;

    public int Count => exchanges.Count;

    public bool InWindow(DateTimeOffset t) => t >= Start && t < End;

    public void Add(Exchange exchange)
    {
        if (InWindow(exchange.Timestamp))
        {
            exchanges.Add(exchange);
        }
    }

    /// <summary>The collected exchanges in log order: by time, then by event id so ties are stable.</summary>
    public List<Exchange> Sorted()
    {
        exchanges.Sort(static (a, b) =>
        {
            int c = a.Timestamp.CompareTo(b.Timestamp);
            return c != 0 ? c : string.CompareOrdinal(a.EventId, b.EventId);
        });
        return exchanges;
    }
}
