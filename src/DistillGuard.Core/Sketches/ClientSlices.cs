namespace DistillGuard.Core.Sketches;

/// <summary>One heavy client's part of an account's traffic.</summary>
/// <param name="Share">Share of the account's exchanges the client sent (Space-Saving: an overestimate by at most a seventh).</param>
/// <param name="Seen">Exchanges counted since the client took its counter; the two shares below are over these.</param>
/// <param name="ElicitationShare">Share of them counted as reasoning asks (by the account state: sweeps that ask for the reasoning).</param>
/// <param name="CapabilityShare">Share of them counted as capability requests (by the account state: sweeps, requests opening a harvest-capability task).</param>
public readonly record struct ClientSlice(double Share, int Seen, double ElicitationShare, double CapabilityShare);

/// <summary>
/// The heaviest clients (user agents) behind an account, each with what its requests ask for: a Space-Saving table
/// (Metwally, Agrawal and El Abbadi, 2005) of six counters. A client that sends more than a seventh of the account's
/// traffic always holds a counter. Each counter also counts, since its client took it, two kinds of request the
/// caller marks (the account state marks sweeps, requests that open a harvest-capability task, and the sweeps that
/// ask for the reasoning), so a reseller's account can be read client by client: the harvester's SDK sweeping a
/// dataset stands out from the customers around it. One int array
/// of 30 values; mergeable (approximately: counters of one client add up, and the six heaviest are kept).
/// </summary>
public sealed class ClientSlices
{
    public const int Capacity = 6;

    // Per counter: client fingerprint, count, seen, elicitations, capability requests.
    private const int Stride = 5;
    private readonly int[] _cells = new int[Capacity * Stride];
    private int _used;

    /// <summary>Approximate bytes held: the object, its counter and the array.</summary>
    public int PayloadBytes => 16 + 4 + 8 + 24 + (_cells.Length * 4);

    /// <param name="elicits">The request counts towards the client's reasoning asks.</param>
    /// <param name="capability">The request counts towards the client's harvest-capability requests.</param>
    public void Add(ulong client, bool elicits, bool capability)
    {
        var fingerprint = Fingerprint(client);
        var i = IndexOf(fingerprint);
        if (i < 0)
        {
            i = Take(fingerprint);
        }

        var at = i * Stride;
        _cells[at + 1]++;
        _cells[at + 2]++;
        _cells[at + 3] += elicits ? 1 : 0;
        _cells[at + 4] += capability ? 1 : 0;
    }

    /// <summary>Folds another table in: a client's counters add up where both hold it, and the six heaviest stay.</summary>
    public void Merge(ClientSlices other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var all = new Dictionary<int, (int Count, int Seen, int Elicits, int Capability)>();
        foreach (var table in new[] { this, other })
        {
            for (var i = 0; i < table._used; i++)
            {
                var at = i * Stride;
                var current = all.GetValueOrDefault(table._cells[at]);
                all[table._cells[at]] = (current.Count + table._cells[at + 1], current.Seen + table._cells[at + 2],
                    current.Elicits + table._cells[at + 3], current.Capability + table._cells[at + 4]);
            }
        }

        var kept = all.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key).Take(Capacity).ToArray();
        Array.Clear(_cells);
        _used = kept.Length;
        for (var i = 0; i < kept.Length; i++)
        {
            var at = i * Stride;
            (_cells[at], _cells[at + 1], _cells[at + 2], _cells[at + 3], _cells[at + 4]) =
                (kept[i].Key, kept[i].Value.Count, kept[i].Value.Seen, kept[i].Value.Elicits, kept[i].Value.Capability);
        }
    }

    /// <summary>
    /// The clients sending at least <paramref name="minShare"/> of the account's <paramref name="exchanges"/> (all of
    /// them, with or without a client, and merged parts that kept no table), seen for at least <paramref name="minSeen"/>.
    /// </summary>
    public IEnumerable<ClientSlice> Heavy(long exchanges, double minShare, int minSeen)
    {
        for (var i = 0; i < _used; i++)
        {
            var at = i * Stride;
            var (count, seen) = (_cells[at + 1], _cells[at + 2]);
            var share = exchanges <= 0 ? 0 : Math.Min(1, count / (double)exchanges);
            if (share >= minShare && seen >= minSeen)
            {
                yield return new ClientSlice(share, seen, _cells[at + 3] / (double)seen, _cells[at + 4] / (double)seen);
            }
        }
    }

    private static int Fingerprint(ulong client) => (int)(client ^ (client >> 32)) | 1;

    private int IndexOf(int fingerprint)
    {
        for (var i = 0; i < _used; i++)
        {
            if (_cells[i * Stride] == fingerprint)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A counter for a client not in the table: a free one, else the smallest, whose count the newcomer inherits (Space-Saving).</summary>
    private int Take(int fingerprint)
    {
        int i;
        if (_used < Capacity)
        {
            i = _used++;
            _cells[(i * Stride) + 1] = 0;
        }
        else
        {
            i = 0;
            for (var j = 1; j < Capacity; j++)
            {
                if (_cells[(j * Stride) + 1] < _cells[(i * Stride) + 1])
                {
                    i = j;
                }
            }
        }

        var at = i * Stride;
        _cells[at] = fingerprint;
        _cells[at + 2] = 0;
        _cells[at + 3] = 0;
        _cells[at + 4] = 0;
        return i;
    }

    /// <summary>Writes the counters (<see cref="Features.AccountStateCodec"/>).</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(_used);
        foreach (var cell in _cells)
        {
            writer.Write(cell);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote into this empty sketch.</summary>
    internal void Read(BinaryReader reader)
    {
        _used = reader.ReadInt32();
        for (var i = 0; i < _cells.Length; i++)
        {
            _cells[i] = reader.ReadInt32();
        }
    }
}
