namespace DistillGuard.Core.Linking;

/// <summary>
/// Which pairs of a value's carriers the linker reads. A value carried by at most 2k + 1 candidates (k is
/// <see cref="LinkerOptions.PairNeighbours"/>) puts forward every pair of them, no more than k per carrier; a value
/// carried by more puts forward each carrier with its k successors on a ring of the carriers in position order, so
/// n·k pairs rather than n(n − 1)/2. The ring keeps the carriers connected, and carriers of several values with the
/// same accounts (an operator's card, network and domain) get the same pairs from each, so their strengths add up
/// as before; every pair read gets the exact strength of all it shares (<see cref="PairStrengths"/>).
/// </summary>
internal static class CandidatePairs
{
    /// <summary>Pairs read among <paramref name="members"/> (ascending positions), each as (earlier on the list, later on the ring).</summary>
    public static IEnumerable<(int A, int B)> Of(int[] members, int neighbours)
    {
        var n = members.Length;
        if (ReadsWhole(n, neighbours))
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    yield return (members[i], members[j]);
                }
            }

            yield break;
        }

        for (var i = 0; i < n; i++)
        {
            for (var step = 1; step <= neighbours; step++)
            {
                yield return (members[i], members[(i + step) % n]);
            }
        }
    }

    /// <summary>Whether a value with <paramref name="n"/> candidates is read pair by pair (n ≤ 2k + 1, so no more than k pairs per carrier).</summary>
    public static bool ReadsWhole(int n, int neighbours) => n <= (2 * neighbours) + 1;

    /// <summary>How many pairs <see cref="Of"/> puts forward for a value with <paramref name="n"/> candidates: at most n·k.</summary>
    public static long Count(int n, int neighbours) =>
        ReadsWhole(n, neighbours) ? (long)n * (n - 1) / 2 : (long)n * neighbours;
}

/// <summary>A growing list of candidate pairs, packed as smaller position in the high half, larger in the low half.</summary>
internal sealed class PairList
{
    private long[] _items = new long[1024];
    private int _count;

    public int Count => _count;

    public void Add(int a, int b)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, checked(_items.Length * 2));
        }

        _items[_count++] = PairStrengths.Pack(a, b);
    }

    /// <summary>The pairs once each, ascending; the list's storage is released.</summary>
    public long[] SortedDistinct()
    {
        var span = _items.AsSpan(0, _count);
        span.Sort();
        var distinct = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (distinct == 0 || span[i] != span[distinct - 1])
            {
                span[distinct++] = span[i];
            }
        }

        var result = span[..distinct].ToArray();
        _items = [];
        _count = 0;
        return result;
    }
}
