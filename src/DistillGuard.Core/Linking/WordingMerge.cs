using System.Globalization;

namespace DistillGuard.Core.Linking;

/// <summary>Thresholds of <see cref="WordingMerge"/>; defaults documented in docs/scoring.md.</summary>
public sealed record WordingMergeOptions
{
    /// <summary>Cosine similarity of two groups' wording at which they are one operator's.</summary>
    public double MinSimilarity { get; init; } = 0.5;

    /// <summary>Phrase-bearing members a group needs before its wording stands for it.</summary>
    public int MinMembers { get; init; } = 2;

    /// <summary>Phrases two groups must both repeat, at least, to be one operator's (one shared phrase is chance or a common grammar).</summary>
    public int MinShared { get; init; } = 2;
}

/// <summary>
/// Joins identity-linked clusters whose accounts keep repeating the same wrapper wording: an operator who
/// splits its accounts over several payment instruments leaves several clusters, each of which repeats the
/// operator's wrapper phrases (a persona, an instruction, an answer format) however the wrapper is paraphrased.
/// A group's wording is a vector over the rare phrases its harvest-like members repeat (ordinary accounts do not
/// repeat them, <see cref="PhraseSets"/>): each phrase weighs the share of the group's phrase-bearing members
/// that repeat it, times its inverse document frequency among all harvest-like accounts, so that wording every
/// operator of a style uses (a generic paraphrase grammar) counts for little and an operator's own persona or
/// answer format counts for much. Two groups whose vectors' cosine similarity reaches
/// <see cref="WordingMergeOptions.MinSimilarity"/>, on at least <see cref="WordingMergeOptions.MinShared"/> phrases, are
/// one operator's. The two most similar groups are joined first, the joined group's wording is read again from all its
/// members, and so on while any two groups are similar (average-linkage agglomerative clustering). Wording never makes a campaign: each part was linked by shared identity first, and the
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
        // Agglomerative: the two most similar groups are joined, the joined group's wording is read again from all
        // its members, and so on while any two groups are similar. Each join is of the groups most alike at that
        // point, so an operator's groups, alike each to each, all come together, while a chain of merely similar
        // groups cannot pull two operators together through a third: a joined group's wording is its members', not
        // the best of its parts'.
        var groups = clusters.Select((c, i) => new List<int> { i }).ToList();
        var firsts = clusters.Select(c => c.Accounts.Min()).ToArray();
        var vectors = clusters.Select(c => wording.Of(c.Accounts)).ToList();
        var alive = Enumerable.Range(0, clusters.Count).Where(i => vectors[i].Speaks).ToList();
        var similar = new Dictionary<(int, int), double>();
        foreach (var i in alive)
        {
            foreach (var j in alive.Where(j => j > i))
            {
                Consider(i, j);
            }
        }

        while (similar.Count > 0)
        {
            // The most similar pair; ties go to the pair with the smallest accounts, so the order of the clusters does not matter.
            var ((a, b), _) = similar
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => firsts[kv.Key.Item1])
                .ThenBy(kv => firsts[kv.Key.Item2])
                .First();
            groups[a].AddRange(groups[b]);
            firsts[a] = firsts[a].CompareTo(firsts[b]) <= 0 ? firsts[a] : firsts[b];
            groups[b].Clear();
            alive.Remove(b);
            foreach (var key in similar.Keys.Where(k => k.Item1 == a || k.Item2 == a || k.Item1 == b || k.Item2 == b).ToArray())
            {
                similar.Remove(key);
            }

            vectors[a] = wording.Of(groups[a].SelectMany(i => clusters[i].Accounts));
            foreach (var other in alive.Where(o => o != a))
            {
                Consider(Math.Min(a, other), Math.Max(a, other));
            }
        }

        return groups
            .Where(g => g.Count > 0)
            .Select(g => g.Order().ToArray())
            .OrderBy(g => g[0])
            .Select(g => g.Length == 1 ? clusters[g[0]] : Join([.. g.Select(i => clusters[i])]))
            .ToList();

        void Consider(int i, int j)
        {
            var similarity = Wording.Similarity(vectors[i], vectors[j]);
            if (wording.SimilarAt(vectors[i], vectors[j], similarity))
            {
                similar[(i, j)] = similarity;
            }
        }
    }

    private static LinkedCluster Join(LinkedCluster[] parts) =>
        ClusterJoin.Of(parts, string.Create(CultureInfo.InvariantCulture,
            $"{parts.Length} separately linked groups of accounts keep repeating the same rare wrapper wording (phrases ordinary accounts do not repeat)"));
}
