namespace DistillGuard.Core.Linking;

/// <summary>Timing evidence of one pair: its kind and weight, what was measured (similarity, or hours between the two lives) and how rare the pattern is.</summary>
internal readonly record struct TemporalNote(LinkKind Kind, double Weight, double Detail, ValueRarity Rarity);

/// <summary>
/// Timing evidence between candidate pairs (positions, smaller first), one note per pair and kind:
/// a pair seen through several bands or shared values counts once, with its strongest note, so
/// the result does not depend on the order in which buckets are visited.
/// </summary>
internal sealed class TemporalPairs
{
    private readonly Dictionary<(int, int), TemporalNote> _lockstep = [];
    private readonly Dictionary<(int, int), TemporalNote> _succession = [];
    private readonly Dictionary<int, List<int>> _partners = [];

    public int Count => _lockstep.Count + _succession.Count;

    public void Note(int a, int b, TemporalNote note)
    {
        var key = a < b ? (a, b) : (b, a);
        var notes = note.Kind == LinkKind.Lockstep ? _lockstep : _succession;
        if (!notes.TryGetValue(key, out var current))
        {
            notes[key] = note;
            if (!_lockstep.ContainsKey(key) || !_succession.ContainsKey(key))
            {
                Index(key.Item1, key.Item2);
                Index(key.Item2, key.Item1);
            }
        }
        else if (Stronger(note, current))
        {
            notes[key] = note;
        }
    }

    /// <summary>Accounts an account has timing notes with (each once).</summary>
    public IReadOnlyList<int> Partners(int account) => _partners.TryGetValue(account, out var list) ? list : [];

    /// <summary>The timing notes of a pair (none, one or two).</summary>
    public IEnumerable<TemporalNote> Of(int a, int b)
    {
        var key = a < b ? (a, b) : (b, a);
        if (_lockstep.TryGetValue(key, out var lockstep))
        {
            yield return lockstep;
        }

        if (_succession.TryGetValue(key, out var succession))
        {
            yield return succession;
        }
    }

    /// <summary>Every pair with a note (smaller position first), in no particular order.</summary>
    public IEnumerable<(int A, int B)> Pairs => _lockstep.Keys.Concat(_succession.Keys);

    private void Index(int account, int other)
    {
        if (!_partners.TryGetValue(account, out var list))
        {
            list = [];
            _partners[account] = list;
        }

        list.Add(other);
    }

    private static bool Stronger(TemporalNote note, TemporalNote current) =>
        note.Weight > current.Weight || (note.Weight == current.Weight && note.Detail > current.Detail);

    /// <summary>
    /// How much a timing pattern counts given how many ordinary accounts share it: full weight when
    /// only candidates do, falling linearly to nothing at the purity floor.
    /// </summary>
    public static double PurityFactor(int candidates, int carriers, double minPurity)
    {
        var purity = candidates / (double)Math.Max(1, carriers);
        return minPurity >= 1 ? (purity >= 1 ? 1 : 0) : Math.Clamp((purity - minPurity) / (1 - minPurity), 0, 1);
    }
}
