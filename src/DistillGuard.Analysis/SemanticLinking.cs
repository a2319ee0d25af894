using DistillGuard.Core.Detection;
using System.Diagnostics;
using DistillGuard.Core.Content;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Analysis;

/// <summary>
/// The post-scoring pass that joins campaign clusters whose wrappers mean the same: it embeds a bounded,
/// deterministic sample of each campaign cluster's wrapper openings, merges with <see cref="SemanticMerge"/>
/// and judges the joined clusters again on their combined traffic. Clusters that are not campaigns are
/// left as they are: wording alone never makes a campaign.
/// </summary>
internal static class SemanticLinking
{
    public static (IReadOnlyList<ClusterAssessment> Clusters, EmbeddingReport Report) Apply(
        IReadOnlyList<ClusterAssessment> judged, AccountTable table, WrapperSamples samples, EmbeddingOptions options, ScoringParameters parameters, long exchanges)
    {
        var clock = Stopwatch.StartNew();
        var budget = options.Budget(exchanges);
        // Largest first, so that when the budget cannot cover every campaign the small ones are left out.
        var campaigns = judged
            .Where(j => VerdictAssembler.Confidence(j, parameters) >= parameters.CampaignThreshold)
            .OrderByDescending(j => j.Cluster.Accounts.Count)
            .ThenBy(j => j.Cluster.Accounts.Min())
            .Take(Math.Max(0, budget / options.Merge.MinSamples))
            .ToArray();
        if (campaigns.Length < 2)
        {
            return (judged, EmbeddingReport.None);
        }

        var perCluster = Math.Clamp(budget / campaigns.Length, options.Merge.MinSamples, options.SamplesPerCluster);
        var heads = campaigns
            .Select(c => c.Cluster.Accounts.SelectMany(samples.Of).DistinctBy(s => s.Rank).OrderBy(s => s.Rank).Take(perCluster).Select(s => s.Text).ToArray())
            .ToArray();
        var vectors = options.Encoder.Encode([.. heads.SelectMany(h => h)]);
        var meanings = new WrapperMeaning[campaigns.Length];
        for (int c = 0, offset = 0; c < campaigns.Length; offset += heads[c].Length, c++)
        {
            var centroid = heads[c].Length == 0 ? [] : EmbeddingMath.Centroid(vectors[offset..(offset + heads[c].Length)]);
            meanings[c] = new WrapperMeaning(campaigns[c].Cluster, centroid, heads[c].Length, DetectionPipeline.CombinedFeatures(campaigns[c].Cluster, a => table[a]).CapabilityMix);
        }

        var merged = SemanticMerge.Merge(meanings, options.Merge);
        return (InPlace(judged, merged, table, parameters), new EmbeddingReport(campaigns.Length, heads.Sum(h => h.Length), campaigns.Length - merged.Count, clock.Elapsed));
    }

    /// <summary>
    /// The judged clusters with each merged group in the place of its first part and its other parts left
    /// out; a group of one keeps its assessment, a joined group is judged again on its combined traffic.
    /// </summary>
    private static ClusterAssessment[] InPlace(IReadOnlyList<ClusterAssessment> judged, IReadOnlyList<LinkedCluster> merged, AccountTable table, ScoringParameters parameters)
    {
        var groupOf = merged.SelectMany(m => m.Accounts.Select(a => (Account: a, Group: m))).ToDictionary(x => x.Account, x => x.Group);
        var emitted = new HashSet<LinkedCluster>(ReferenceEqualityComparer.Instance);
        var result = new List<ClusterAssessment>(judged.Count);
        foreach (var j in judged)
        {
            if (!groupOf.TryGetValue(j.Cluster.Accounts[0], out var group))
            {
                result.Add(j);
            }
            else if (emitted.Add(group))
            {
                result.Add(ReferenceEquals(group, j.Cluster) ? j : new ClusterAssessment(group, DetectionPipeline.Combined(group, a => table[a], parameters)));
            }
        }

        return [.. result];
    }
}
