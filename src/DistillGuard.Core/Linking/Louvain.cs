namespace DistillGuard.Core.Linking;

/// <summary>A weighted undirected graph as sorted adjacency lists, with each node's internal (self-loop) weight.</summary>
internal sealed record WeightedGraph(int[][] Neighbours, double[][] Weights, double[] Internal)
{
    public int Count => Neighbours.Length;

    /// <summary>Weighted degree: incident edges plus twice the internal weight (each internal edge has both ends inside).</summary>
    public double Degree(int node)
    {
        var degree = 2 * Internal[node];
        foreach (var w in Weights[node])
        {
            degree += w;
        }

        return degree;
    }
}

/// <summary>
/// Louvain modularity optimisation (Blondel et al. 2008): nodes move to the neighbouring community
/// that raises modularity most, then communities become nodes, until nothing moves. Deterministic:
/// nodes are visited in index order, a node stays unless a move is strictly better, and ties between
/// moves go to the lowest community; so equal graphs give equal partitions whatever order built them.
/// </summary>
internal static class Louvain
{
    private const double Epsilon = 1e-12;
    private const int MaxPasses = 50;
    private const int MaxLevels = 20;

    /// <summary>The community of each node, numbered 0.. in order of each community's lowest node.</summary>
    public static int[] Communities(WeightedGraph graph)
    {
        var membership = Enumerable.Range(0, graph.Count).ToArray();
        for (var level = 0; level < MaxLevels; level++)
        {
            var communities = MoveNodes(graph, out var count);
            for (var i = 0; i < membership.Length; i++)
            {
                membership[i] = communities[membership[i]];
            }

            if (count == graph.Count)
            {
                break;
            }

            graph = Aggregate(graph, communities, count);
        }

        return membership;
    }

    /// <summary>One level: local moves until none improves modularity; communities renumbered by first node.</summary>
    private static int[] MoveNodes(WeightedGraph graph, out int count)
    {
        var n = graph.Count;
        var degree = new double[n];
        var total = new double[n];
        var community = new int[n];
        var twiceM = 0.0;
        for (var i = 0; i < n; i++)
        {
            degree[i] = graph.Degree(i);
            total[i] = degree[i];
            community[i] = i;
            twiceM += degree[i];
        }

        if (twiceM <= 0)
        {
            count = n;
            return community;
        }

        var toCommunity = new double[n];
        var touched = new List<int>();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var moved = false;
            for (var node = 0; node < n; node++)
            {
                var current = community[node];
                total[current] -= degree[node];
                var neighbours = graph.Neighbours[node];
                var weights = graph.Weights[node];
                for (var e = 0; e < neighbours.Length; e++)
                {
                    var c = community[neighbours[e]];
                    if (toCommunity[c] == 0)
                    {
                        touched.Add(c);
                    }

                    toCommunity[c] += weights[e];
                }

                touched.Sort();
                var best = current;
                var bestGain = toCommunity[current] - (total[current] * degree[node] / twiceM);
                foreach (var c in touched)
                {
                    var gain = toCommunity[c] - (total[c] * degree[node] / twiceM);
                    if (gain > bestGain + Epsilon)
                    {
                        best = c;
                        bestGain = gain;
                    }
                }

                foreach (var c in touched)
                {
                    toCommunity[c] = 0;
                }

                touched.Clear();
                community[node] = best;
                total[best] += degree[node];
                moved |= best != current;
            }

            if (!moved)
            {
                break;
            }
        }

        return Renumber(community, out count);
    }

    private static int[] Renumber(int[] community, out int count)
    {
        var number = new Dictionary<int, int>();
        var result = new int[community.Length];
        for (var i = 0; i < community.Length; i++)
        {
            if (!number.TryGetValue(community[i], out var id))
            {
                id = number.Count;
                number[community[i]] = id;
            }

            result[i] = id;
        }

        count = number.Count;
        return result;
    }

    /// <summary>The graph of communities: weights between them summed, weights inside them kept as internal weight.</summary>
    private static WeightedGraph Aggregate(WeightedGraph graph, int[] community, int count)
    {
        var inside = new double[count];
        var between = new Dictionary<int, double>[count];
        for (var c = 0; c < count; c++)
        {
            between[c] = [];
        }

        for (var node = 0; node < graph.Count; node++)
        {
            var from = community[node];
            inside[from] += graph.Internal[node];
            for (var e = 0; e < graph.Neighbours[node].Length; e++)
            {
                var to = community[graph.Neighbours[node][e]];
                var w = graph.Weights[node][e];
                if (to == from)
                {
                    inside[from] += w / 2; // each inside edge is seen from both ends
                }
                else
                {
                    between[from][to] = between[from].GetValueOrDefault(to) + w;
                }
            }
        }

        var neighbours = new int[count][];
        var weights = new double[count][];
        for (var c = 0; c < count; c++)
        {
            var sorted = between[c].OrderBy(kv => kv.Key).ToArray();
            neighbours[c] = sorted.Select(kv => kv.Key).ToArray();
            weights[c] = sorted.Select(kv => kv.Value).ToArray();
        }

        return new WeightedGraph(neighbours, weights, inside);
    }
}
