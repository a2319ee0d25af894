using System.Globalization;

namespace DistillGuard.Core.Linking;

/// <summary>Thresholds of <see cref="WordingMerge"/>; defaults documented in docs/scoring.md.</summary>
public sealed record WordingMergeOptions
{
    /// <summary>Cosine similarity of two groups' wording at which they are one operator's.</summary>
    public double MinSimilarity { get; init; } = 0.3;

    /// <summary>Phrase-bearing members a group needs before its wording stands for it.</summary>
    public int MinMembers { get; init; } = 2;

    /// <summary>Phrases two groups must both repeat, at least, to be one operator's (one shared phrase is chance or a common grammar).</summary>
    public int MinShared { get; init; } = 2;
}

/// <summary>
/// Joins identity-linked clusters whose accounts keep repeating the same wrapper wording: an operator who
/// splits its accounts over several payment instruments leaves several clusters, each of which repeats the
/// operator's wrapper phrases (a persona, an instruction, an answer format) however the wrapper is paraphrased.
/// A group's wording is a vector over the rare phrases its harvest-like members repeat (no ordinary account
/// repeats them, <see cref="PhraseSets"/>): each phrase weighs the share of the group's phrase-bearing members
/// that repeat it, times its inverse document frequency among all harvest-like accounts, so that wording every
/// operator of a style uses (a generic paraphrase grammar) counts for little and an operator's own persona or
/// answer format counts for much. Two groups whose vectors' cosine similarity reaches
/// <see cref="WordingMergeOptions.MinSimilarity"/>, on at least <see cref="WordingMergeOptions.MinShared"/> phrases, are
/// one operator's; each group attaches to the nearest of the groups so similar to it, and groups so attached are joined. Wording never makes a campaign: each part was linked by shared identity first, and the
/// joined cluster's coordinated size is that of its largest part (<see cref="ClusterJoin"/>). Operators of one
/// style run alike but word their wrappers apart, so two groups that each repeat two weighed phrases or more, and whose
/// wording is under the similarity threshold, are told apart (<see cref="Wording.Apart"/>), which behavioural merging respects. Pure and deterministic.
/// </summary>
public static class WordingMerge
{
    public static IReadOnlyList<LinkedCluster> Merge(IReadOnlyList<LinkedCluster> clusters, Wording wording)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(wording);
        var vectors = clusters.Select(c => wording.Of(c.Accounts)).ToArray();
        // Each group attaches to the one group, among those whose wording is similar to its own, that is nearest:
        // a chain of merely similar groups would let wording that two operators of one style share (a generic
        // paraphrase grammar's phrases) join them through a third.
        var uf = new UnionFind(clusters.Count);
        var speaking = Enumerable.Range(0, clusters.Count).Where(i => vectors[i].Speaks).ToArray();
        foreach (var i in speaking)
        {
            var nearest = -1;
            var best = 0.0;
            foreach (var j in speaking)
            {
                var similarity = j == i ? 0 : Wording.Similarity(vectors[i], vectors[j]);
                if (j == i || !wording.SimilarAt(vectors[i], vectors[j], similarity))
                {
                    continue;
                }

                // Ties go to the group with the smallest account, so the choice does not depend on the clusters' order.
                if (nearest < 0 || similarity > best || (similarity == best && clusters[j].Accounts.Min().CompareTo(clusters[nearest].Accounts.Min()) < 0))
                {
                    (nearest, best) = (j, similarity);
                }
            }

            if (nearest >= 0)
            {
                uf.Union(i, nearest);
            }
        }

        return Enumerable.Range(0, clusters.Count)
            .GroupBy(uf.Find)
            .OrderBy(g => g.Key)
            .Select(g => g.Count() == 1 ? clusters[g.Key] : Join([.. g.Select(i => clusters[i])]))
            .ToList();
    }

    private static LinkedCluster Join(LinkedCluster[] parts) =>
        ClusterJoin.Of(parts, string.Create(CultureInfo.InvariantCulture,
            $"{parts.Length} separately linked groups of accounts keep repeating the same rare wrapper wording (phrases no ordinary account repeats)"));
}
