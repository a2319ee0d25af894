namespace DistillGuard.Core.Linking;

/// <summary>
/// Maximum matching of a bipartite graph (Kuhn's augmenting paths): how many pairs of accounts,
/// no account used twice, the edges between two groups hold. By König's theorem it is also the
/// fewest accounts whose removal cuts every edge, so a matching of one means a single account or
/// a single edge carries the whole connection. Deterministic: edges are taken in sorted order.
/// </summary>
internal static class Matching
{
    public static int Size(IReadOnlyList<(int Left, int Right)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var adjacency = edges.Distinct().GroupBy(e => e.Left).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Right).Order().ToArray());
        var matchOfRight = new Dictionary<int, int>();
        var size = 0;
        foreach (var left in adjacency.Keys)
        {
            if (Augment(left, adjacency, matchOfRight, []))
            {
                size++;
            }
        }

        return size;
    }

    private static bool Augment(int left, Dictionary<int, int[]> adjacency, Dictionary<int, int> matchOfRight, HashSet<int> visited)
    {
        foreach (var right in adjacency[left])
        {
            if (!visited.Add(right))
            {
                continue;
            }

            if (!matchOfRight.TryGetValue(right, out var owner) || Augment(owner, adjacency, matchOfRight, visited))
            {
                matchOfRight[right] = left;
                return true;
            }
        }

        return false;
    }
}
