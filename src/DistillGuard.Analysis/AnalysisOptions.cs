using DistillGuard.Core.Detection;
using DistillGuard.Core.Quantification;
using DistillGuard.Sharing.Keys;

namespace DistillGuard.Analysis;

/// <summary>What one analysis run reads, where it writes, and how it scores.</summary>
public sealed record AnalysisOptions
{
    public required string Input { get; init; }
    public required string OutDir { get; init; }

    /// <summary>Key for the keyed hashes stored long-term (≥ 32 bytes).</summary>
    public required byte[] HashKey { get; init; }

    /// <summary>What of the run goes to the store (when there is one): every minimised exchange by default.</summary>
    public StoreLevel Store { get; init; } = StoreLevel.Exchanges;

    /// <summary>Keep raw prompt text in the store (off by default: privacy).</summary>
    public bool KeepText { get; init; }

    /// <summary>The detection options root (signal curves and weights, linking, families, wording), written with the run.</summary>
    public DetectionOptions Detection { get; init; } = DetectionOptions.Default;

    /// <summary>Prices per million tokens for the estimated value of each campaign's harvest.</summary>
    public ApiPrices Prices { get; init; } = ApiPrices.Default;

    /// <summary>
    /// A sharing group's key: when set, every account's indicators are also stored hashed with it,
    /// so campaigns can later be exported to the group and peers' bundles matched (raw values are not stored).
    /// </summary>
    public SharingKey? SharingKey { get; init; }

    /// <summary>Version label of the scoring parameters, recorded with the run.</summary>
    public string ModelVersion { get; init; } = "default-v1";

    /// <summary>The sentence-embedding pass that joins campaign clusters whose wrappers mean the same; null leaves it out (and samples no text).</summary>
    public EmbeddingOptions? Embeddings { get; init; }

    /// <summary>
    /// Parsers working at once and partitions of the accounts (each folded by its own worker); default one per processor.
    /// The outputs are the same for any count (a test compares 1 and 4).
    /// </summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Exchanges per batch handed between pipeline stages.</summary>
    public int BatchSize { get; init; } = 2048;
}

/// <summary>Progress of a run: the stage and how far through the input it is.</summary>
public sealed record AnalysisProgress(string Stage, long BytesRead, long TotalBytes, long Exchanges);

/// <summary>How much of a run is stored: `analyze --store none|summary|exchanges`.</summary>
public enum StoreLevel
{
    /// <summary>No database: the output files only.</summary>
    None,

    /// <summary>The run, features, verdicts, campaigns and evidence edges, no exchange rows: campaigns carry no day-by-day breakdown.</summary>
    Summary,

    /// <summary>Also every exchange, minimised (keyed hashes, no text unless kept): campaigns' timelines, ASNs, countries and model shifts come from them.</summary>
    Exchanges,
}
