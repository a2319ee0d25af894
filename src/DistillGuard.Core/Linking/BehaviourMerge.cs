using DistillGuard.Core.Model;

namespace DistillGuard.Core.Linking;

/// <summary>
/// Joins identity-linked clusters that are driven the same way: an operator who splits its
/// accounts over several payment instruments leaves several small clusters whose behavioural
/// profiles coincide. Each cluster must lie within the other's spread (floored, since small
/// clusters have little spread of their own). Deterministic: clusters are taken in order.
/// </summary>
public static class BehaviourMerge
{
    public static IReadOnlyList<LinkedCluster> Merge(
        IReadOnlyList<LinkedCluster> clusters,
        IReadOnlyDictionary<AccountId, double[]> profiles,
        double tolerance,
        double floor,
        int maxFragment)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(profiles);
        var spreads = clusters
            .Select(c => c.Accounts.Where(profiles.ContainsKey).Select(a => profiles[a]).ToArray())
            .Select(p => p.Length == 0 ? null : BehaviourProfile.Spread(p))
            .ToArray();
        var parent = Enumerable.Range(0, clusters.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var i = 0; i < clusters.Count; i++)
        {
            for (var j = i + 1; j < clusters.Count; j++)
            {
                // Only fragments are joined: a large linked group stands as its own campaign, and two
                // large groups driven alike may still be two operators.
                if (spreads[i] is not { } si || spreads[j] is not { } sj
                    || Math.Min(clusters[i].LargestLinkedGroup, clusters[j].LargestLinkedGroup) > maxFragment)
                {
                    continue;
                }

                if (si.Distance(sj.Mean, floor) <= tolerance && sj.Distance(si.Mean, floor) <= tolerance)
                {
                    parent[Find(j)] = Find(i);
                }
            }
        }

        return Enumerable.Range(0, clusters.Count)
            .GroupBy(Find)
            .OrderBy(g => g.Key)
            .Select(g => g.Count() == 1 ? clusters[g.Key] : Join(g.Select(i => clusters[i]).ToArray()))
            .ToList();
    }

    private static LinkedCluster Join(LinkedCluster[] parts)
    {
        var accounts = parts.SelectMany(p => p.Accounts).Order().ToArray();
        var association = parts.SelectMany(p => p.Association).ToDictionary(kv => kv.Key, kv => kv.Value);
        var evidence = parts.SelectMany(p => p.Evidence).Distinct().ToList();
        evidence.Add($"{parts.Length} separately linked groups of accounts share one behavioural profile (request pattern, caps, timing, answer sizes)");
        return new LinkedCluster(accounts, association, evidence, parts.Max(p => p.LargestLinkedGroup)) { Links = [.. parts.SelectMany(p => p.Links)] };
    }
}
