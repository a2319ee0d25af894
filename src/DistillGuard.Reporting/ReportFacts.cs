namespace DistillGuard.Reporting;

using DistillGuard.Core.Model;

/// <summary>The aggregates the report states, computed once from a result (pure).</summary>
internal sealed record ReportFacts(
    int CampaignAccounts,
    long CampaignExchanges,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyDictionary<Capability, double> CampaignMix,
    IReadOnlyList<DailyCount> CampaignTimeline,
    IReadOnlyDictionary<Capability, double> FlaggedMix,
    IReadOnlyList<AccountVerdict> Flagged)
{
    public const int TopAccounts = 50;

    public static ReportFacts From(AnalysisResult result, IReadOnlyList<AccountFeatures> features)
    {
        var campaigns = result.Campaigns;
        var flagged = result.Accounts
            .Where(a => a.Verdict == Verdict.Distillation)
            .OrderByDescending(a => a.RiskScore)
            .ThenBy(a => a.AccountId)
            .ToList();
        var flaggedIds = flagged.Select(a => a.AccountId).ToHashSet();
        return new ReportFacts(
            campaigns.SelectMany(c => c.Accounts).Distinct().Count(),
            campaigns.Sum(c => c.Exchanges),
            campaigns.Count == 0 ? null : campaigns.Min(c => c.FirstSeen),
            campaigns.Count == 0 ? null : campaigns.Max(c => c.LastSeen),
            Weighted(campaigns.Select(c => (c.CapabilityMix, c.Exchanges))),
            Timelines.Merge(campaigns.Select(c => c.Timeline)),
            Weighted(features.Where(f => flaggedIds.Contains(f.AccountId)).Select(f => ((IReadOnlyDictionary<Capability, double>)MixOf(f), f.Exchanges))),
            flagged);
    }

    /// <summary>The strongest capabilities, largest share first, for the headline.</summary>
    public IReadOnlyList<(Capability Capability, double Share)> TopCapabilities(int count) =>
        CampaignMix.Where(kv => kv.Value > 0)
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key)
            .Take(count)
            .Select(kv => (kv.Key, kv.Value))
            .ToList();

    private static Dictionary<Capability, double> MixOf(AccountFeatures features) =>
        features.CapabilityMix
            .Take(Capabilities.Count)
            .Select((share, index) => (Capability: (Capability)index, share))
            .ToDictionary(x => x.Capability, x => x.share);

    /// <summary>Exchange-weighted mean of capability mixes.</summary>
    private static Dictionary<Capability, double> Weighted(IEnumerable<(IReadOnlyDictionary<Capability, double> Mix, long Exchanges)> mixes)
    {
        var sums = new Dictionary<Capability, double>();
        long total = 0;
        foreach (var (mix, exchanges) in mixes)
        {
            total += exchanges;
            foreach (var (capability, share) in mix)
            {
                sums[capability] = sums.GetValueOrDefault(capability) + (share * exchanges);
            }
        }

        return total == 0 ? [] : sums.ToDictionary(kv => kv.Key, kv => kv.Value / total);
    }
}
