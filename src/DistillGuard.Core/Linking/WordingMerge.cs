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
                if (j == i || !wording.Similar(vectors[i], vectors[j]))
                {
                    continue;
                }

                // Ties go to the group with the smallest account, so the choice does not depend on the clusters' order.
                var similarity = Wording.Similarity(vectors[i], vectors[j]);
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

/// <summary>A group's wording: rare phrases weighed by how many of its members repeat them and how rare they are among harvest-like accounts.</summary>
public sealed record WordingVector(IReadOnlyDictionary<uint, double> Weights, double Norm)
{
    public static WordingVector None { get; } = new(new Dictionary<uint, double>(), 0);

    public bool Speaks => Norm > 0;
}

/// <summary>
/// Every harvest-like account's rare recurring phrases (<see cref="PhraseSets.Rare"/>) and how many such accounts
/// repeat each, for comparing groups' wording (<see cref="WordingMerge"/>).
/// </summary>
public sealed class Wording
{
    private readonly PhraseSets _phrases;
    private readonly Dictionary<uint, int> _frequency = [];
    private readonly int _bearing;
    private readonly WordingMergeOptions _options;

    public Wording(PhraseSets phrases, WordingMergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(options);
        _phrases = phrases;
        _options = options;
        foreach (var set in phrases.Rare.Values.Where(s => s.Count > 0))
        {
            _bearing++;
            foreach (var p in set)
            {
                _frequency[p] = _frequency.GetValueOrDefault(p) + 1;
            }
        }
    }

    /// <summary>The wording of a group of accounts; <see cref="WordingVector.None"/> when fewer than <see cref="WordingMergeOptions.MinMembers"/> of them repeat rare phrases.</summary>
    public WordingVector Of(IEnumerable<Model.AccountId> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var sets = members.Select(m => _phrases.Rare.TryGetValue(m, out var s) ? s : null).Where(s => s is { Count: > 0 }).ToArray();
        if (sets.Length < _options.MinMembers)
        {
            return WordingVector.None;
        }

        var weights = sets.SelectMany(s => s!)
            .GroupBy(p => p)
            .ToDictionary(g => g.Key, g => g.Count() / (double)sets.Length * Math.Log(_bearing / (double)_frequency[g.Key]));
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        return new WordingVector(weights, norm);
    }

    /// <summary>Cosine similarity of two groups' wording (0 when either has none).</summary>
    public static double Similarity(WordingVector a, WordingVector b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.Speaks || !b.Speaks)
        {
            return 0;
        }

        var (small, large) = a.Weights.Count <= b.Weights.Count ? (a, b) : (b, a);
        var dot = small.Weights.Sum(kv => large.Weights.TryGetValue(kv.Key, out var w) ? kv.Value * w : 0);
        return dot / (a.Norm * b.Norm);
    }

    /// <summary>Whether two groups' wording says one operator drives both: similar enough, on at least <see cref="WordingMergeOptions.MinShared"/> phrases that weigh something.</summary>
    public bool Similar(WordingVector a, WordingVector b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Similarity(a, b) >= _options.MinSimilarity
            && a.Weights.Count(kv => kv.Value > 0 && b.Weights.GetValueOrDefault(kv.Key) > 0) >= _options.MinShared;
    }

    /// <summary>
    /// Whether two groups' wording says two operators drive them: each has at least <see cref="WordingMergeOptions.MinShared"/>
    /// phrases that weigh something, and their similarity is under <see cref="WordingMergeOptions.MinSimilarity"/>. A group
    /// with one phrase says too little to be told apart, and groups similar on one phrase only are neither joined nor told apart.
    /// </summary>
    public bool Apart(WordingVector a, WordingVector b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Telling(a) && Telling(b) && Similarity(a, b) < _options.MinSimilarity;
    }

    private bool Telling(WordingVector v) => v.Weights.Count(kv => kv.Value > 0) >= _options.MinShared;
}
