namespace DistillGuard.Core.Linking;

/// <summary>One group of a refined component; <paramref name="SplitFrom"/> counts the accounts of the component left in other groups.</summary>
internal sealed record Community(int[] Members, int SplitFrom, int BridgeAccounts);

/// <summary>
/// Refines a connected component of the join graph so that two operators joined by a weak bridge
/// come out as two groups, while one operator's sub-groups (accounts on different cards that share
/// networks and templates) stay together:
/// <list type="number">
/// <item>Louvain over every piece of evidence inside the component (weak evidence included, since
/// it is what holds one operator's sub-groups together);</item>
/// <item>each community split into its parts connected by join edges, so every group is still
/// joined by qualifying evidence, as union-find guaranteed (the Leiden connectivity guarantee);</item>
/// <item>communities put back together when the join edges between them hold at least
/// <see cref="LinkerOptions.BridgeMinAccounts"/> pairs of accounts that share no account (a maximum
/// matching; and <see cref="LinkerOptions.BridgeMinShare"/> of the smaller community): one edge, or
/// one account however many edges it has, is a weak bridge, and the groups stay apart;</item>
/// <item>groups too small to be judged that way attach to the one group they are most strongly
/// joined to, never to two, so a small group cannot bridge two larger ones either.</item>
/// </list>
/// Pure and deterministic: positions are sorted and every choice breaks ties by position.
/// </summary>
internal static class Communities
{
    /// <param name="joinDegree">Join edges of each account (by position).</param>
    /// <param name="local">Scratch space, -1 for every position, left so.</param>
    public static IReadOnlyList<Community> Refine(int[] component, int[] joinDegree, PairStrengths pairs, LinkerOptions options, int[] local)
    {
        if (component.Length < 2 * options.BridgeMinAccounts || IsDense(component, joinDegree, options))
        {
            return [new Community(component, 0, 0)];
        }

        for (var i = 0; i < component.Length; i++)
        {
            local[component[i]] = i;
        }

        try
        {
            var labels = Louvain.Communities(Graph(component, pairs, local));
            var groups = ConnectedParts(component, labels, pairs, options, local);
            return groups.Length == 1 ? [new Community(component, 0, 0)] : Rejoin(component, groups, pairs, options, local);
        }
        finally
        {
            foreach (var member in component)
            {
                local[member] = -1;
            }
        }
    }

    /// <summary>
    /// Whether no split of the component can fail the bridge rule, so refining it cannot change it:
    /// when every account is joined to at least three quarters of the others, each account of a
    /// part A (the smaller of two, |A| at most n/2) is joined to more than n/4 accounts of the other
    /// part ((n + 1)/4 at least), so a greedy matching between them reaches min(|A|, (n + 1)/4), which is at least what
    /// the rule asks of a part of two or more accounts, and a lone account attaches anyway.
    /// Near-cliques (an operator's accounts on one card) are skipped at the cost of a degree count.
    /// </summary>
    private static bool IsDense(int[] component, int[] joinDegree, LinkerOptions options)
    {
        var n = component.Length;
        var needed = Math.Max(options.BridgeMinAccounts, (int)Math.Ceiling(options.BridgeMinShare * n / 2.0));
        var minDegree = component.Min(i => joinDegree[i]);
        return 4L * minDegree >= 3L * (n - 1) && (n + 1) / 4 >= needed;
    }

    private static WeightedGraph Graph(int[] component, PairStrengths pairs, int[] local)
    {
        var neighbours = new int[component.Length][];
        var weights = new double[component.Length][];
        for (var i = 0; i < component.Length; i++)
        {
            var edges = pairs.Partners(component[i])
                .Where(p => local[p.Other] >= 0)
                .Select(p => (Node: local[p.Other], p.Strength))
                .OrderBy(p => p.Node)
                .ToArray();
            neighbours[i] = edges.Select(e => e.Node).ToArray();
            weights[i] = edges.Select(e => e.Strength).ToArray();
        }

        return new WeightedGraph(neighbours, weights, new double[component.Length]);
    }

    /// <summary>Group of each local node: its community split into the parts that join edges connect.</summary>
    private static int[] ConnectedParts(int[] component, int[] labels, PairStrengths pairs, LinkerOptions options, int[] local)
    {
        var uf = new UnionFind(component.Length);
        for (var i = 0; i < component.Length; i++)
        {
            foreach (var (other, _) in pairs.Partners(component[i]))
            {
                var j = local[other];
                if (j > i && labels[j] == labels[i] && pairs.Joins(component[i], other, options))
                {
                    uf.Union(i, j);
                }
            }
        }

        // Union-find roots are each part's smallest node: number the parts in that order.
        var number = new Dictionary<int, int>();
        return Enumerable.Range(0, component.Length)
            .Select(i => number.TryGetValue(uf.Find(i), out var id) ? id : number[uf.Find(i)] = number.Count)
            .ToArray();
    }

    private static List<Community> Rejoin(int[] component, int[] group, PairStrengths pairs, LinkerOptions options, int[] local)
    {
        var count = group.Max() + 1;
        var sizes = new int[count];
        foreach (var g in group)
        {
            sizes[g]++;
        }

        var cross = CrossJoins(component, group, pairs, options, local);
        var uf = new UnionFind(count);
        foreach (var ((a, b), link) in cross.OrderBy(c => c.Key))
        {
            var needed = Math.Max(options.BridgeMinAccounts, (int)Math.Ceiling(options.BridgeMinShare * Math.Min(sizes[a], sizes[b])));
            if (sizes[a] >= options.BridgeMinAccounts && sizes[b] >= options.BridgeMinAccounts && Matching.Size(link.Edges) >= needed)
            {
                uf.Union(a, b);
            }
        }

        // Each small group attaches to the one group it is most strongly joined to.
        for (var g = 0; g < count; g++)
        {
            if (sizes[g] >= options.BridgeMinAccounts)
            {
                continue;
            }

            var target = cross
                .Where(c => c.Key.A == g || c.Key.B == g)
                .Select(c => (Other: c.Key.A == g ? c.Key.B : c.Key.A, c.Value.Weight))
                .OrderByDescending(c => c.Weight)
                .ThenBy(c => c.Other)
                .Select(c => c.Other)
                .DefaultIfEmpty(-1)
                .First();
            if (target >= 0)
            {
                uf.Union(g, target);
            }
        }

        var final = group.Select(uf.Find).ToArray();
        return Enumerable.Range(0, component.Length)
            .GroupBy(i => final[i])
            .OrderBy(g => g.First())
            .Select(g =>
            {
                var members = g.Select(i => component[i]).ToArray();
                var bridges = g.Count(i => pairs.Partners(component[i]).Any(p =>
                    local[p.Other] >= 0 && final[local[p.Other]] != final[i] && pairs.Joins(component[i], p.Other, options)));
                return new Community(members, component.Length - members.Length, bridges);
            })
            .ToList();
    }

    /// <summary>For each pair of groups joined by join edges: the edges (lower group's account first) and their total strength.</summary>
    private static Dictionary<(int A, int B), (List<(int, int)> Edges, double Weight)> CrossJoins(
        int[] component, int[] group, PairStrengths pairs, LinkerOptions options, int[] local)
    {
        var cross = new Dictionary<(int A, int B), (List<(int, int)> Edges, double Weight)>();
        for (var i = 0; i < component.Length; i++)
        {
            foreach (var (other, strength) in pairs.Partners(component[i]))
            {
                var j = local[other];
                if (j <= i || group[j] == group[i] || !pairs.Joins(component[i], other, options))
                {
                    continue;
                }

                var (a, b, fromA, fromB) = group[i] < group[j] ? (group[i], group[j], i, j) : (group[j], group[i], j, i);
                if (!cross.TryGetValue((a, b), out var link))
                {
                    link = ([], 0);
                }

                link.Edges.Add((fromA, fromB));
                cross[(a, b)] = (link.Edges, link.Weight + strength);
            }
        }

        return cross;
    }
}
