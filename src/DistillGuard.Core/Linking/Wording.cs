using DistillGuard.Core.Model;

namespace DistillGuard.Core.Linking;

/// <summary>A group's wording: rare phrases weighed by how many of its members repeat them and how rare they are among harvest-like accounts.</summary>
public sealed record WordingVector(IReadOnlyDictionary<uint, double> Weights, double Norm)
{
    public static WordingVector None { get; } = new(new Dictionary<uint, double>(), 0);

    /// <summary>A vector of these weights, with their Euclidean norm.</summary>
    public static WordingVector Of(IReadOnlyDictionary<uint, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return new(weights, Math.Sqrt(weights.Values.Sum(w => w * w)));
    }

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
    public WordingVector Of(IEnumerable<AccountId> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var sets = members.Select(m => _phrases.Rare.TryGetValue(m, out var s) ? s : null).Where(s => s is { Count: > 0 }).ToArray();
        if (sets.Length < _options.MinMembers)
        {
            return WordingVector.None;
        }

        return WordingVector.Of(sets.SelectMany(s => s!)
            .GroupBy(p => p)
            .ToDictionary(g => g.Key, g => g.Count() / (double)sets.Length * Math.Log(_bearing / (double)_frequency[g.Key])));
    }

    /// <summary>
    /// The wording of one account: each of its rare phrases that another harvest-like account also repeats, at its inverse
    /// document frequency (<see cref="WordingVector.None"/> without any). A phrase no other account repeats says nothing
    /// about which group the account belongs with.
    /// </summary>
    public WordingVector OfAccount(AccountId account)
    {
        if (!_phrases.Rare.TryGetValue(account, out var set))
        {
            return WordingVector.None;
        }

        return WordingVector.Of(set.Where(p => _frequency[p] > 1).ToDictionary(p => p, p => Math.Log(_bearing / (double)_frequency[p])));
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
        return SimilarAt(a, b, Similarity(a, b));
    }

    /// <summary>Whether two vectors' cosine similarity reaches <see cref="WordingMergeOptions.MinSimilarity"/>, whatever they share.</summary>
    public bool Alike(WordingVector a, WordingVector b) => Similarity(a, b) >= _options.MinSimilarity;

    /// <summary><see cref="Similar"/> for two groups whose <see cref="Similarity"/> the caller has already taken.</summary>
    internal bool SimilarAt(WordingVector a, WordingVector b, double similarity) =>
        similarity >= _options.MinSimilarity
        && a.Weights.Count(kv => kv.Value > 0 && b.Weights.GetValueOrDefault(kv.Key) > 0) >= _options.MinShared;

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

/// <summary>The wording of every harvest-like account and of each campaign, read once per run for phrase pull-in and for behavioural twins.</summary>
/// <param name="Campaigns">Each campaign's wording, in the order of the campaigns given.</param>
public sealed record CampaignWording(Wording Words, IReadOnlyList<WordingVector> Campaigns)
{
    public static CampaignWording Of(PhraseSets phrases, IEnumerable<IEnumerable<AccountId>> campaigns, WordingMergeOptions options)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        var words = new Wording(phrases, options);
        return new(words, [.. campaigns.Select(words.Of)]);
    }
}
