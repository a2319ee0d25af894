using System.Globalization;

namespace DistillGuard.Core.Linking;

/// <summary>Words for what binds a cluster: which kinds of value its members share, and how rare they are.</summary>
internal static class ClusterEvidence
{
    /// <param name="minShare">Share of a value's carriers that must be in the cluster for it to count as evidence (the linker's purity).</param>
    public static IReadOnlyList<string> Describe(int[] members, HashSet<int> memberSet, Dictionary<ValueKey, List<int>> buckets, int population, double minShare)
    {
        var byKind = new Dictionary<LinkKind, (int Values, int Accounts, int Outside)>();
        var accountsPerKind = new Dictionary<LinkKind, HashSet<int>>();
        foreach (var (key, list) in buckets)
        {
            var inside = 0;
            foreach (var account in list)
            {
                if (memberSet.Contains(account))
                {
                    inside++;
                }
            }

            // A value mostly carried by outsiders (a webmail domain, a popular client) binds nothing.
            if (inside < 2 || inside < minShare * list.Count)
            {
                continue;
            }

            var current = byKind.GetValueOrDefault(key.Kind);
            byKind[key.Kind] = (current.Values + 1, 0, current.Outside + (list.Count - inside));
            if (!accountsPerKind.TryGetValue(key.Kind, out var set))
            {
                set = [];
                accountsPerKind[key.Kind] = set;
            }

            foreach (var account in list)
            {
                if (memberSet.Contains(account))
                {
                    set.Add(account);
                }
            }
        }

        return byKind
            .OrderByDescending(k => LinkKinds.Weight(k.Key) * accountsPerKind[k.Key].Count)
            .Select(k => string.Create(CultureInfo.InvariantCulture,
                $"{accountsPerKind[k.Key].Count} of {members.Length} accounts linked by {LinkKinds.Describe(k.Key)} ({k.Value.Values} distinct values, carried by {k.Value.Outside} accounts outside the campaign among {population})"))
            .ToList();
    }
}
