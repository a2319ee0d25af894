using DistillGuard.Core.Content;
using DistillGuard.Core.Linking;

namespace DistillGuard.Analysis;

/// <summary>
/// The sentence-embedding pass after scoring: which encoder, and how many sampled wrapper openings it may
/// embed. Only campaign clusters are embedded, at most <see cref="SamplesPerCluster"/> openings each, and
/// never more than one sentence per <see cref="ExchangesPerSentence"/> exchanges read (clamped to
/// [<see cref="MinSentences"/>, <see cref="MaxSentences"/>]), so the cost is bounded by the input's size.
/// </summary>
public sealed record EmbeddingOptions
{
    /// <summary>The encoder; a host passes one that loads its model on first use, so a run with fewer than two campaigns loads nothing.</summary>
    public required ISentenceEncoder Encoder { get; init; }

    /// <summary>Openings embedded per cluster: a centroid of sixteen separated operators far better than one of four or eight on the tuning seeds.</summary>
    public int SamplesPerCluster { get; init; } = 16;

    public int ExchangesPerSentence { get; init; } = 1000;

    public int MinSentences { get; init; } = 64;

    public int MaxSentences { get; init; } = 2048;

    public SemanticMergeOptions Merge { get; init; } = new();

    /// <summary>The sentence budget of a run that read <paramref name="exchanges"/> exchanges.</summary>
    public int Budget(long exchanges) =>
        (int)Math.Clamp(exchanges / Math.Max(1, ExchangesPerSentence), MinSentences, MaxSentences);
}

/// <summary>What the embedding pass did in one run (for the console and benchmarks).</summary>
/// <param name="Clusters">Campaign clusters whose wrappers were embedded.</param>
/// <param name="Sentences">Wrapper openings sent to the encoder (before its cache).</param>
/// <param name="Joined">Clusters that joined another.</param>
public sealed record EmbeddingReport(int Clusters, int Sentences, int Joined, TimeSpan Elapsed)
{
    public static readonly EmbeddingReport None = new(0, 0, 0, TimeSpan.Zero);

    /// <summary>One line for a person: what was embedded, how long it took (the model's load included) and what it joined.</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Sentences} wrapper openings of {Clusters} campaign clusters embedded in {Elapsed.TotalSeconds:0.00} s (model load included); {Joined} clusters joined another");
}
