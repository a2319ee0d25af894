using System.Text.Json.Serialization;

namespace DistillGuard.Core.Linking;

/// <summary>Options of the linker; defaults documented in docs/scoring.md.</summary>
public sealed record LinkerOptions
{
    /// <summary>Harvest-likeness above which an account may be linked. In a run it is the scoring one (<c>scoring.candidate_threshold</c>), so it is not written apart.</summary>
    [JsonIgnore]
    public double CandidateThreshold { get; init; } = 0.03;

    /// <summary>Share of a value's accounts that must be candidates for the value to count (a NAT or VPN fails this).</summary>
    public double MinPurity { get; init; } = 0.6;

    /// <summary>Pair strength at which two candidates are joined.</summary>
    public double JoinStrength { get; init; } = 1.0;

    /// <summary>Buckets larger than this are joined as a chain, not pair by pair.</summary>
    public int MaxPairBucket { get; init; } = 400;

    /// <summary>
    /// Pairs read per carrier of one shared value (k): a value carried by up to 2k + 1 candidates is read pair by pair,
    /// a more common one as each carrier with its k successors on a ring of the carriers (n·k pairs, not n(n − 1)/2).
    /// </summary>
    public int PairNeighbours { get; init; } = 50;

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

    /// <summary>
    /// Evidence edges kept per account for explanation and storage: the edges of its strongest partners, whole partners,
    /// as many as fit (always the strongest partner's).
    /// </summary>
    public int MaxEdgesPerAccount { get; init; } = 50;

    /// <summary>Strength one shared value of each kind adds to a pair of accounts.</summary>
    public LinkKindWeights KindWeights { get; init; } = LinkKindWeights.Default;

    public void Validate()
    {
        if (!(CandidateThreshold is >= 0 and <= 1) || !(MinPurity is > 0 and <= 1) || !(JoinStrength > 0) || MaxPairBucket < 2 || PairNeighbours < 1 || MinClusterSize < 2
            || !(MinIdentityStrength >= 0) || LockstepMinActiveHours < 1 || !(LockstepMinSimilarity is > 0 and <= 1)
            || SuccessionMaxGap <= TimeSpan.Zero || SuccessionMinSpan < TimeSpan.Zero || BridgeMinAccounts < 1
            || !(BridgeMinShare is >= 0 and <= 1) || MaxEdgesPerAccount < 1)
        {
            throw new ArgumentException("linker options out of range: thresholds and shares in [0, 1] (purity and similarity above 0), join strength above 0, bucket and cluster sizes >= 2, counts and pair neighbours >= 1, succession gap above 0");
        }

        if ((KindWeights ?? throw new ArgumentException("linker.kind_weights is missing")).Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }
}

/// <summary>
/// Strength one shared value of each kind adds to a pair of accounts, at full rarity: a payment card joins two
/// accounts on its own (<see cref="LinkerOptions.JoinStrength"/> is 1); an address, a network or a frame needs
/// another value beside it; an e-mail domain, shared by whole companies, counts for little. Hand-set priors, ordered
/// by how many independent people one value of the kind is usually shared by (docs/scoring.md).
/// </summary>
public sealed record LinkKindWeights
{
    public double Payment { get; init; } = 1.0;
    public double ClientIp { get; init; } = 0.6;
    public double Network { get; init; } = 0.4;
    public double AsnClient { get; init; } = 0.3;
    public double EmailDomain { get; init; } = 0.15;
    public double SystemPrompt { get; init; } = 0.4;
    public double Template { get; init; } = 0.5;
    public double Lockstep { get; init; } = 0.5;
    public double Succession { get; init; } = 0.5;
    public double SignupBurst { get; init; } = 0.3;

    public static LinkKindWeights Default { get; } = new();

    /// <summary>The weight of one kind.</summary>
    public double Of(LinkKind kind) => kind switch
    {
        LinkKind.Payment => Payment,
        LinkKind.ClientIp => ClientIp,
        LinkKind.Network => Network,
        LinkKind.AsnClient => AsnClient,
        LinkKind.EmailDomain => EmailDomain,
        LinkKind.SystemPrompt => SystemPrompt,
        LinkKind.Template => Template,
        LinkKind.Lockstep => Lockstep,
        LinkKind.Succession => Succession,
        LinkKind.SignupBurst => SignupBurst,
        _ => 0,
    };

    /// <summary>Null when every weight is finite and in [0, 1]; otherwise the first that is not.</summary>
    public string? Problem() => Enum.GetValues<LinkKind>().Where(k => !(Of(k) is >= 0 and <= 1)).Select(k => $"link kind weight '{k}' must lie in [0, 1]").FirstOrDefault();
}
