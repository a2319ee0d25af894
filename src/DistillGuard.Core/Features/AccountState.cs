using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Features;

/// <summary>
/// The mergeable per-account state: counters and small sketches updated one exchange at a time,
/// bounded in size whatever the account's volume. <see cref="AccountFeatureExtractor"/> turns it
/// into typed features. Order-dependent parts (inter-arrival gaps, tool-result feedback) assume
/// roughly time-ordered input per account and are approximate after a merge.
/// </summary>
public sealed partial class AccountState
{
    internal const int HourBins = 24;
    internal const int GapBins = 16;
    internal const int HourOffset = 0;
    internal const int GapOffset = HourBins;
    internal const int CapabilityOffset = HourBins + GapBins;

    // One int array for hour-of-day, log2-gap and capability histograms.
    private readonly int[] _histograms = new int[HourBins + GapBins + Capabilities.Count];

    public AccountState(AccountId accountId) => AccountId = accountId;

    public AccountId AccountId { get; }
    public string? OrganizationId { get; private set; }
    public long Exchanges { get; private set; }
    public int Errors { get; private set; }
    public long FirstTicks { get; private set; } = long.MaxValue;
    public long LastTicks { get; private set; } = long.MinValue;
    public long CreatedTicks { get; private set; } = long.MaxValue;
    public long InputTokens { get; private set; }
    public long OutputTokens { get; private set; }
    public long ReasoningTokens { get; private set; }
    public int ReasoningExchanges { get; private set; }
    public long MaxTokensSum { get; private set; }
    public int MaxTokensSet { get; private set; }
    public int Truncated { get; private set; }
    public int TemperatureSet { get; private set; }
    public int ZeroTemperature { get; private set; }
    public long TurnIndexSum { get; private set; }
    public int MaxTurnIndex { get; private set; }
    public int FirstTurns { get; private set; }
    public int ToolDeclaring { get; private set; }
    public int ToolUseAnswers { get; private set; }
    public int ToolFeedbacks { get; private set; }
    public int ReasoningElicitations { get; private set; }

    /// <summary>Follow-up turns whose conversation is not the one of the account's previous exchange: several threads open at once.</summary>
    public int InterleavedTurns { get; private set; }

    /// <summary>Follow-up turns whose place was read from the history they resend: the log had no turn number for them (<see cref="ResentContext"/>).</summary>
    public int InferredTurns { get; private set; }

    /// <summary>Running mean and sum of squares of log2 inter-arrival gaps (Welford).</summary>
    public long GapCount { get; private set; }
    public double GapMean { get; private set; }
    public double GapM2 { get; private set; }

    /// <summary>Bitmap of active UTC days, day number modulo 128 (exact for windows under 128 days).</summary>
    public UInt128 ActiveDays { get; private set; }

    public HyperLogLog DistinctPrompts { get; } = new();
    public TopKSegments Attributes { get; } = new(AttributeCapacity.All);

    /// <summary>Phrases the account repeats across the opening prompts of its conversations (for linking paraphrased wrappers).</summary>
    public RecurringPhrases Phrases { get; } = new();

    /// <summary>Distinct clients from which an account's traffic is also kept client by client (<see cref="Slices"/>).</summary>
    internal const int SlicedFromClients = 4;

    /// <summary>
    /// The heaviest clients' parts of the traffic, once the account has been seen from <see cref="SlicedFromClients"/>
    /// clients (a person with a browser, an app and an SDK never pays for it); null before.
    /// </summary>
    public ClientSlices? Slices { get; private set; }

    private ActivitySignature _activity;
    /// <summary>Distinct clients (user agents) the account's requests came from.</summary>
    public LinearCounter64 Clients => _clients;

    private LinearCounter64 _clients;
    private long _lastTicks = long.MinValue;
    private ulong _lastConversation;
    private bool _lastWasToolUse;

    // The previous exchange's input plus output tokens, and its turn: to tell, without logged turn numbers, a next turn (ResentContext).
    private int _lastResent;
    private int _lastTurn;
    private bool _outOfOrder;

    /// <summary>Sketch of the UTC hour-buckets the account was active in (for lockstep evidence).</summary>
    public ref readonly ActivitySignature Activity => ref _activity;

    internal ReadOnlySpan<int> Histograms => _histograms;

    public ReadOnlySpan<int> Hours => _histograms.AsSpan(HourOffset, HourBins);
    public ReadOnlySpan<int> Gaps => _histograms.AsSpan(GapOffset, GapBins);
    public ReadOnlySpan<int> CapabilityCounts => _histograms.AsSpan(CapabilityOffset, Capabilities.Count);

    /// <summary>Approximate bytes of state kept for this account, beyond its id string.</summary>
    public int StateBytes =>
        (18 * 8) + 108 - (12 * 4) // header, scalar fields (the clients' bitmap among them), UInt128 and the sketch references; twelve counts of exchanges are ints
        + 24 + (_histograms.Length * 4)
        + 24 + 64 // HyperLogLog registers
        + 40 // activity signature: 16 two-byte bins, active-hour count, last hour
        + 48 + Attributes.PayloadBytes
        + Phrases.PayloadBytes
        + (Slices?.PayloadBytes ?? 0);
}
