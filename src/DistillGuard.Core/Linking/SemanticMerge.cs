using System.Globalization;
using DistillGuard.Core.Content;

namespace DistillGuard.Core.Linking;

/// <summary>A campaign cluster with the meaning of its prompt wrappers: the centroid of its sampled wrapper heads' sentence embeddings.</summary>
/// <param name="Samples">Wrapper heads the centroid was taken over.</param>
/// <param name="CapabilityMix">Share of the cluster's combined traffic in each capability.</param>
public sealed record WrapperMeaning(LinkedCluster Cluster, float[] Centroid, int Samples, IReadOnlyList<double> CapabilityMix);

/// <summary>How alike two clusters' wrappers and traffic must be for <see cref="SemanticMerge"/> to join them.</summary>
public sealed record SemanticMergeOptions
{
    /// <summary>
    /// Cosine of the two clusters' wrapper centroids at or above which their wrappers mean the same. On the tuning
    /// seeds (1–3 of five scenarios, centroids of 16 openings of 16 words) different operators reached 0.826 at most
    /// and one operator's fragments 0.69–0.94 (median 0.88); 0.86 leaves a margin above the first.
    /// </summary>
    public double MinCosine { get; init; } = 0.86;

    /// <summary>Cosine of the two clusters' capability mixes at or above which they harvest the same thing (one operator's fragments: 0.99 or more on the tuning seeds).</summary>
    public double MinCapabilityAgreement { get; init; } = 0.95;

    /// <summary>Wrapper openings a cluster needs for its centroid to stand for its wrappers (with four, different operators reached 0.87 on the tuning seeds).</summary>
    public int MinSamples { get; init; } = 8;

    public void Validate()
    {
        if (MinCosine is <= 0 or > 1 || MinCapabilityAgreement is < 0 or > 1 || MinSamples < 1)
        {
            throw new ArgumentException("semantic merge needs 0 < MinCosine ≤ 1, 0 ≤ MinCapabilityAgreement ≤ 1 and MinSamples ≥ 1");
        }
    }
}

/// <summary>
/// Joins campaign clusters of one operator whose prompt wrappers mean the same even when paraphrased
/// (an operator who splits its accounts over several cards and rephrases its wrapper per request leaves
/// several clusters that no shared value joins). Clusters are ranked by size; each, in rank order, joins
/// the most similar higher-ranked cluster that joined nothing itself, or stays a top. Every group is so a
/// star around one top: no chain of look-alikes can join two operators through a middle cluster. Pure and
/// deterministic; the ranking and ties depend on the clusters alone, so input order does not matter.
/// </summary>
public static class SemanticMerge
{
    public static IReadOnlyList<LinkedCluster> Merge(IReadOnlyList<WrapperMeaning> clusters, SemanticMergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var ranked = clusters
            .OrderByDescending(c => c.Cluster.LargestLinkedGroup)
            .ThenByDescending(c => c.Cluster.Accounts.Count)
            .ThenBy(c => c.Cluster.Accounts.Min())
            .ToArray();
        var tops = new List<(WrapperMeaning Top, List<(WrapperMeaning Member, double Cosine)> Members)>();
        foreach (var cluster in ranked)
        {
            var best = -1;
            var bestCosine = double.MinValue;
            for (var t = 0; cluster.Samples >= options.MinSamples && t < tops.Count; t++)
            {
                var top = tops[t].Top;
                if (top.Samples < options.MinSamples)
                {
                    continue;
                }

                var cosine = EmbeddingMath.Cosine(cluster.Centroid, top.Centroid);
                if (cosine >= options.MinCosine && cosine > bestCosine
                    && Agreement(cluster.CapabilityMix, top.CapabilityMix) >= options.MinCapabilityAgreement)
                {
                    best = t;
                    bestCosine = cosine;
                }
            }

            if (best >= 0)
            {
                tops[best].Members.Add((cluster, bestCosine));
            }
            else
            {
                tops.Add((cluster, []));
            }
        }

        return tops
            .Select(t => t.Members.Count == 0 ? t.Top.Cluster : Join(t.Top, t.Members, options))
            .OrderBy(c => c.Accounts.Min())
            .ToList();
    }

    /// <summary>Cosine of two capability mixes (0 when either is empty).</summary>
    public static double Agreement(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        EmbeddingMath.Cosine([.. a.Select(x => (float)x)], [.. b.Select(x => (float)x)]);

    private static LinkedCluster Join(WrapperMeaning top, List<(WrapperMeaning Member, double Cosine)> members, SemanticMergeOptions options)
    {
        LinkedCluster[] parts = [top.Cluster, .. members.Select(m => m.Member.Cluster)];
        var low = members.Min(m => m.Cosine).ToString("0.00", CultureInfo.InvariantCulture);
        var high = members.Max(m => m.Cosine).ToString("0.00", CultureInfo.InvariantCulture);
        return ClusterJoin.Of(parts, $"{parts.Length} separately linked groups of accounts wrap their prompts in wording that means the same "
            + $"(sentence-embedding cosine of their sampled wrapper openings {(low == high ? low : low + "–" + high)}, at least "
            + $"{options.MinCosine.ToString("0.00", CultureInfo.InvariantCulture)}) and ask for the same capabilities");
    }
}
