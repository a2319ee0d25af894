namespace DistillGuard.Core.Linking;

/// <summary>Options of the linker; defaults documented in docs/scoring.md.</summary>
public sealed record LinkerOptions
{
    /// <summary>Harvest-likeness above which an account may be linked.</summary>
    public double CandidateThreshold { get; init; } = 0.03;

    /// <summary>Share of a value's accounts that must be candidates for the value to count (a NAT or VPN fails this).</summary>
    public double MinPurity { get; init; } = 0.6;

    /// <summary>Pair strength at which two candidates are joined.</summary>
    public double JoinStrength { get; init; } = 1.0;

    /// <summary>Buckets larger than this are joined as a chain, not pair by pair.</summary>
    public int MaxPairBucket { get; init; } = 400;

    public int MinClusterSize { get; init; } = 2;

    /// <summary>
    /// Part of a join that must come from identity or infrastructure (payment, IP, network, ASN
    /// and client, e-mail domain): shared prompt templates or timing alone never join accounts,
    /// since independent users of one public benchmark harness, or of one office's hours, share them too.
    /// </summary>
    public double MinIdentityStrength { get; init; } = 0.3;

    /// <summary>Active hour-buckets an account needs before its hours are compared (lockstep).</summary>
    public int LockstepMinActiveHours { get; init; } = 24;

    /// <summary>Estimated Jaccard similarity of active hours at which two accounts are in lockstep.</summary>
    public double LockstepMinSimilarity { get; init; } = 0.6;

    /// <summary>Longest pause between one account's last call and the next one's first call that counts as a succession.</summary>
    public TimeSpan SuccessionMaxGap { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Shortest activity span of both accounts for a succession (a life, not a one-off call).</summary>
    public TimeSpan SuccessionMinSpan { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Independent pairs of accounts (a matching: no account in two pairs) the join edges between two
    /// communities of one component must hold for the communities to stay one group. One edge, or one
    /// account joined to the other side, is a weak bridge: the groups are split.
    /// </summary>
    public int BridgeMinAccounts { get; init; } = 2;

    /// <summary>Share of the smaller community's accounts that the matching must reach as well (large groups need a broader joint).</summary>
    public double BridgeMinShare { get; init; } = 0.1;

    /// <summary>Partners kept per account for explanation and storage (strongest first).</summary>
    public int MaxEdgesPerAccount { get; init; } = 50;
}
