using DistillGuard.Core.Model;

namespace DistillGuard.Core.Linking;

/// <summary>
/// Joins identity-linked clusters that are driven the same way: an operator who splits its
/// accounts over several payment instruments leaves several small clusters whose behavioural
/// profiles coincide. Each cluster must lie within the other's spread (floored, since small
/// clusters have little spread of their own). A fragment joins one larger cluster at most.
/// A fragment never joins a cluster whose wrapper wording says another operator drives it (<see cref="Wording.Apart"/>). Deterministic: clusters are taken in order and ties go to the first.
/// </summary>
public static class BehaviourMerge
{
    /// <param name="apart">Whether the clusters at two positions are told apart by their wording; null to leave wording out.</param>
    public static IReadOnlyList<LinkedCluster> Merge(
        IReadOnlyList<LinkedCluster> clusters,
        IReadOnlyDictionary<AccountId, double[]> profiles,
        double tolerance,
        double floor,
        int maxFragment,
        Func<int, int, bool>? apart = null)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(profiles);
        var spreads = clusters
            .Select(c => c.Accounts.Where(profiles.ContainsKey).Select(a => profiles[a]).ToArray())
            .Select(p => p.Length == 0 ? null : BehaviourProfile.Spread(p))
            .ToArray();
        // Each fragment attaches to the one nearest cluster that ranks above it (larger, or as large
        // and earlier); a cluster larger than a fragment attaches to nothing. Attachments point up
        // the ranking, so every group so formed is a tree with one top, and holds at most one cluster
        // larger than a fragment: no fragment can bridge two of them (the old pairwise joining did,
        // and joined different operators that run the same script).
        var parent = Enumerable.Range(0, clusters.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < clusters.Count; i++)
        {
            if (spreads[i] is not { } si || clusters[i].LargestLinkedGroup > maxFragment)
            {
                continue;
            }

            var nearest = -1;
            var nearestDistance = double.MaxValue;
            for (var j = 0; j < clusters.Count; j++)
            {
                if (!RanksAbove(clusters, j, i) || spreads[j] is not { } sj || (apart is not null && apart(i, j)))
                {
                    continue;
                }

                var distance = Math.Max(si.Distance(sj.Mean, floor), sj.Distance(si.Mean, floor));
                if (distance <= tolerance && distance < nearestDistance)
                {
                    nearest = j;
                    nearestDistance = distance;
                }
            }

            if (nearest >= 0)
            {
                Union(i, nearest);
            }
        }

        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        return Enumerable.Range(0, clusters.Count)
            .GroupBy(Find)
            .OrderBy(g => g.Key)
            .Select(g => g.Count() == 1 ? clusters[g.Key] : Join(g.Select(i => clusters[i]).ToArray()))
            .ToList();
    }

    private static bool RanksAbove(IReadOnlyList<LinkedCluster> clusters, int j, int i) =>
        (clusters[j].LargestLinkedGroup, clusters[j].Accounts.Count, -j).CompareTo((clusters[i].LargestLinkedGroup, clusters[i].Accounts.Count, -i)) > 0;

    private static LinkedCluster Join(LinkedCluster[] parts) =>
        ClusterJoin.Of(parts, $"{parts.Length} separately linked groups of accounts share one behavioural profile (request pattern, caps, timing, answer sizes)");
}
