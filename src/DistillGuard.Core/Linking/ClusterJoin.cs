namespace DistillGuard.Core.Linking;

/// <summary>Puts separately linked clusters together as one, keeping their evidence and adding why they were joined.</summary>
internal static class ClusterJoin
{
    public static LinkedCluster Of(IReadOnlyList<LinkedCluster> parts, string reason)
    {
        var accounts = parts.SelectMany(p => p.Accounts).Order().ToArray();
        var association = parts.SelectMany(p => p.Association).ToDictionary(kv => kv.Key, kv => kv.Value);
        var evidence = parts.SelectMany(p => p.Evidence).Distinct().ToList();
        evidence.Add(reason);
        return new LinkedCluster(accounts, association, evidence, parts.Max(p => p.LargestLinkedGroup))
        {
            Links = [.. parts.SelectMany(p => p.Links)],
            ExclusiveWeight = parts.Max(p => p.LinkedSize),
            Parts = [.. parts.SelectMany(p => p.Parts ?? [p.Accounts])],
        };
    }
}
