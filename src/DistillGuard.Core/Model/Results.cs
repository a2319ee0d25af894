namespace DistillGuard.Core.Model;

/// <summary>One piece of evidence that moved a score, with its share of the move.</summary>
/// <param name="Signal">Stable machine name, e.g. <c>reasoning_elicitation</c>.</param>
/// <param name="Value">The measured value of the signal (its own unit).</param>
/// <param name="Contribution">Signed contribution to the score's log-odds.</param>
/// <param name="Evidence">The reason in words a person understands.</param>
public sealed record Reason(string Signal, double Value, double Contribution, string Evidence);

/// <summary>The verdict for one account, with everything needed to explain it.</summary>
public sealed record AccountVerdict(
    AccountId AccountId,
    double RiskScore,
    Verdict Verdict,
    CampaignId? CampaignId,
    long Exchanges,
    IReadOnlyList<Reason> Reasons);

/// <summary>Exchanges of one campaign on one UTC day.</summary>
public sealed record DailyCount(DateOnly Day, long Exchanges, long OutputTokens);

/// <summary>A linked distillation campaign and its measured size.</summary>
public sealed record CampaignSummary(
    CampaignId CampaignId,
    IReadOnlyList<AccountId> Accounts,
    long Exchanges,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long InputTokens,
    long OutputTokens,
    long ReasoningTokens,
    IReadOnlyDictionary<Capability, double> CapabilityMix,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<DailyCount> Timeline)
{
    /// <summary>Estimated list-price value of the answers harvested, in USD, at the run's prices.</summary>
    public double EstimatedApiValueUsd { get; init; }

    /// <summary>Busiest autonomous systems, by exchanges.</summary>
    public IReadOnlyList<NamedCount> Asns { get; init; } = [];

    /// <summary>Busiest countries of the client IPs, by exchanges.</summary>
    public IReadOnlyList<NamedCount> Countries { get; init; } = [];

    /// <summary>Moves to a newly used model, with their dates.</summary>
    public IReadOnlyList<ModelShift> ModelShifts { get; init; } = [];

    /// <summary>Each linked member's strongest link to another member: a spanning picture of the account graph.</summary>
    public IReadOnlyList<AccountLink> Links { get; init; } = [];
}

/// <summary>Counts of the ingest stage: read = accepted + rejected + duplicates.</summary>
public sealed record RunCounts(long Read, long Accepted, long Rejected, long Duplicates);

/// <summary>Identity and provenance of one analysis run.</summary>
public sealed record RunInfo(
    string RunId,
    DateTimeOffset StartedAt,
    TimeSpan WallTime,
    string Input,
    string ModelVersion,
    RunCounts Counts)
{
    /// <summary>The detection options root the run used, as JSON (<c>Detection.DetectionOptionsJson</c>); null where not recorded.</summary>
    public string? DetectionOptions { get; init; }

    /// <summary>Input files read only up to a break in their compressed data; the records before each break are counted and analysed.</summary>
    public IReadOnlyList<IncompleteInput> IncompleteInputs { get; init; } = [];
}

/// <summary>
/// An input file whose compressed data breaks part-way (cut short, or corrupt): where it broke, and the records read from
/// it before the break, which are counted in the run's read/accepted/rejected/duplicates like any others.
/// </summary>
/// <param name="Problem"><c>truncated</c> (the file ends before its compressed stream does) or <c>corrupt</c> (the data cannot be decoded or fails its check).</param>
/// <param name="CompressedOffset">Byte offset in the file, as stored, where the stream broke.</param>
/// <param name="UncompressedOffset">Bytes of uncompressed data read before the break, when the format has such a stream.</param>
/// <param name="RecordsRead">Records of the file read before the break (a record the break cut short is among them, rejected).</param>
/// <param name="RecordsAccepted">Of those, the records accepted into the analysis.</param>
/// <param name="Detail">What broke, in words, with the offsets.</param>
public sealed record IncompleteInput(string File, string Problem, long CompressedOffset, long? UncompressedOffset, long RecordsRead, long RecordsAccepted, string Detail)
{
    /// <summary>One line naming the file, the offset and what was kept.</summary>
    public string Describe() =>
        $"input file '{File}' is {Problem}: {Detail}; " +
        (UncompressedOffset is { } u ? $"{u} bytes of uncompressed data were read before the break; " : "") +
        $"the {RecordsRead} records read before it are kept in the counts and the analysis ({RecordsAccepted} accepted), the rest of the file is missing";
}

/// <summary>Everything one analysis run produced.</summary>
public sealed record AnalysisResult(
    RunInfo Run,
    IReadOnlyList<AccountVerdict> Accounts,
    IReadOnlyList<CampaignSummary> Campaigns);

/// <summary>A name (an ASN, a country, a model) with how many exchanges carried it.</summary>
public sealed record NamedCount(string Name, long Exchanges);

/// <summary>Exchanges of one model on one UTC day, for finding when a campaign moved to a new model.</summary>
public sealed record ModelDay(DateOnly Day, string Model, long Exchanges);

/// <summary>A campaign's move from one model to another, dated by the first day the new one led.</summary>
public sealed record ModelShift(DateOnly Day, string FromModel, string ToModel);

/// <summary>A campaign's daily timeline, where its traffic came from and which models it used, day by day.</summary>
public sealed record CampaignBreakdown(IReadOnlyList<DailyCount> Timeline, IReadOnlyList<NamedCount> Asns, IReadOnlyList<NamedCount> Countries, IReadOnlyList<ModelDay> ModelDays);

/// <summary>An edge of the account graph: two accounts joined by shared attributes, with the strength of what they share.</summary>
public sealed record AccountLink(AccountId From, AccountId To, double Strength);
