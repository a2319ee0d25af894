using System.Globalization;

namespace DistillGuard.Core.Linking;

/// <summary>Words for what binds a cluster: which kinds of value its members share, and how rare they are.</summary>
internal static class ClusterEvidence
{
    /// <param name="minShare">Share of a value's carriers that must be in the cluster for it to count as evidence (the linker's purity).</param>
    /// <param name="ordered">The linker's accounts by position.</param>
    public static List<string> Describe(
        int[] members, HashSet<int> memberSet, LinkCandidate[] ordered, Dictionary<ValueKey, List<int>> buckets, double minShare, LinkKindWeights weights)
    {
        var byKind = new Dictionary<LinkKind, (int Values, int Accounts, int Outside)>();
        var accountsPerKind = new Dictionary<LinkKind, HashSet<int>>();
        foreach (var (key, list) in ValueIndex.CarriedBy(members, ordered, buckets))
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
            if (!LinkKinds.Binds(key.Kind, inside, list.Count, minShare))
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
            .OrderByDescending(k => weights.Of(k.Key) * accountsPerKind[k.Key].Count)
            .Select(k => string.Create(CultureInfo.InvariantCulture,
                $"{accountsPerKind[k.Key].Count} of {members.Length} accounts linked by {LinkKinds.Describe(k.Key)} ({k.Value.Values} distinct values, carried by {k.Value.Outside} accounts outside the campaign among {ordered.Length})"))
            .ToList();
    }

    /// <summary>Words for the timing evidence among the members: lockstep pairs and successions.</summary>
    public static IEnumerable<string> DescribeTiming(int[] members, HashSet<int> memberSet, TemporalPairs temporal)
    {
        var byKind = new Dictionary<LinkKind, (int Pairs, HashSet<int> Accounts, double Detail)>();
        foreach (var member in members)
        {
            foreach (var other in temporal.Partners(member).Where(o => o > member && memberSet.Contains(o)).Order())
            {
                foreach (var note in temporal.Of(member, other))
                {
                    var current = byKind.TryGetValue(note.Kind, out var c) ? c : (0, [], 0.0);
                    current.Accounts.Add(member);
                    current.Accounts.Add(other);
                    byKind[note.Kind] = (current.Pairs + 1, current.Accounts, current.Detail + note.Detail);
                }
            }
        }

        foreach (var (kind, (pairs, accounts, detail)) in byKind.OrderBy(k => k.Key))
        {
            var mean = detail / pairs;
            yield return kind == LinkKind.Lockstep
                ? string.Create(CultureInfo.InvariantCulture, $"{accounts.Count} of {members.Length} accounts active in the same hours ({pairs} lockstep pairs, mean estimated Jaccard {mean:0.00} of active hours)")
                : string.Create(CultureInfo.InvariantCulture, $"{accounts.Count} of {members.Length} accounts replaced one another within hours on shared infrastructure or templates ({pairs} successions, mean pause {mean:0.0} h)");
        }
    }

    /// <summary>Words for a group cut from a larger component at a weak bridge.</summary>
    public static string DescribeSplit(Community group) => string.Create(CultureInfo.InvariantCulture,
        $"split by community detection from {group.SplitFrom} other linked accounts joined to it only through a weak bridge ({group.BridgeAccounts} of its accounts carried the joining evidence)");
}
