namespace DistillGuard.Core.Scoring;

/// <summary>
/// A saturating ramp: 0 at or below <see cref="From"/>, 1 at or above <see cref="To"/>, linear between. Every per-account
/// signal reads its behaviour through one or two named ramps (<see cref="SignalCurves"/>), so a signal's shape is data.
/// </summary>
/// <param name="From">The value at which the signal starts to rise.</param>
/// <param name="To">The value at which it saturates.</param>
/// <param name="Log10">Whether the ramp runs over decades: From and To are then log10 of the value (a count per day, a ratio).</param>
public sealed record Ramp(double From, double To, bool Log10 = false)
{
    /// <summary>The ramp's value at <paramref name="x"/>, in [0, 1]; 0 for NaN, and for a value ≤ 0 on a log ramp.</summary>
    public double At(double x)
    {
        var t = Log10 ? (x > 0 ? Math.Log10(x) : double.NegativeInfinity) : x;
        return HarvestSignals.Clamp((t - From) / (To - From));
    }

    /// <summary>Null when the ramp is usable; otherwise what is wrong with it.</summary>
    public string? Problem() =>
        !double.IsFinite(From) || !double.IsFinite(To) ? "its ends must be finite numbers"
        : From >= To ? $"it must rise: from ({From}) must be below to ({To})"
        : null;
}

/// <summary>
/// The named curves the per-account signals read behaviour through (docs/scoring.md, "Signals"). Each was hand-set as a
/// plain prior on what an ordinary account does (from the organic corpora and the product's scenarios), not fitted; a
/// trained model changes the weights, never these shapes.
/// </summary>
public sealed record SignalCurves
{
    /// <summary>Share of prompts asking for written-out reasoning: half of them is full signal.</summary>
    public Ramp ElicitationShare { get; init; } = new(0, 0.5);

    /// <summary>Share of prompts on harvest capabilities (coding, maths, reasoning, agentic, planning): a fifth is anyone's mix, nine tenths a sweep.</summary>
    public Ramp CapabilityShare { get; init; } = new(0.2, 0.9);

    /// <summary>New tasks opened per active day, in decades: 1 a day is nothing, 100 a day is full breadth.</summary>
    public Ramp TasksPerDay { get; init; } = new(0, 2, Log10: true);

    /// <summary>Answer-to-prompt token ratio, in decades: half as long (10^-0.3) is nothing, ten times as long is full.</summary>
    public Ramp OutputInputRatio { get; init; } = new(-0.3, 1, Log10: true);

    /// <summary>Mean answer tokens, in decades: 60 is a chat reply, 60 × 10^1.2 (about 950) a written-out solution.</summary>
    public Ramp OutputTokens { get; init; } = new(Math.Log10(60), Math.Log10(60) + 1.2, Log10: true);

    /// <summary>Mean max_tokens where set: 16,000 is a request for the longest answer the model gives.</summary>
    public Ramp MaxTokens { get; init; } = new(0, 16000);

    /// <summary>Share of answers cut off at the cap: half of them is full signal.</summary>
    public Ramp TruncatedShare { get; init; } = new(0, 0.5);

    /// <summary>Mean reasoning tokens per exchange: 4,000 is a full reasoning budget on every call.</summary>
    public Ramp ReasoningTokens { get; init; } = new(0, 4000);

    /// <summary>Normalised entropy of active hours: 0.8 is a long working day, 0.97 every hour alike.</summary>
    public Ramp HourEntropy { get; init; } = new(0.8, 0.97);

    /// <summary>Active days before the hour spread counts: two days of hours say something, one does not.</summary>
    public Ramp ActiveDays { get; init; } = new(0, 2);

    /// <summary>Share of opened tasks in one frame: a tenth is a habit, seven tenths a template.</summary>
    public Ramp TemplateShare { get; init; } = new(0.1, 0.7);

    /// <summary>Exchanges per active day, in decades: 10 a day is nothing, 1,000 full volume.</summary>
    public Ramp ExchangesPerDay { get; init; } = new(1, 3, Log10: true);

    /// <summary>Mean turn index of a conversation: 8 turns deep is full depth.</summary>
    public Ramp TurnDepth { get; init; } = new(0, 8);

    /// <summary>Share of exchanges with tool use below which tool feedback is not read (a stray tool call says nothing).</summary>
    public double MinToolUseShare { get; init; } = 0.05;

    /// <summary>Account age at first use, in days, below which an account is brand new (full signal).</summary>
    public double NewAccountDays { get; init; } = 2;

    /// <summary>Age below which an account is young (<see cref="YoungAccountSignal"/>).</summary>
    public double YoungAccountDays { get; init; } = 14;

    /// <summary>Age below which an account is recent (<see cref="RecentAccountSignal"/>); older accounts give no signal.</summary>
    public double RecentAccountDays { get; init; } = 60;

    /// <summary>Signal of a young account.</summary>
    public double YoungAccountSignal { get; init; } = 0.6;

    /// <summary>Signal of a recent account.</summary>
    public double RecentAccountSignal { get; init; } = 0.2;

    public static SignalCurves Default { get; } = new();

    /// <summary>The fresh-account signal of an account first used <paramref name="days"/> after sign-up: a step down with age.</summary>
    public double Freshness(double days) =>
        days < NewAccountDays ? 1 : days < YoungAccountDays ? YoungAccountSignal : days < RecentAccountDays ? RecentAccountSignal : 0;

    /// <summary>Every ramp by its name, for validation and the parameter table.</summary>
    public IEnumerable<(string Name, Ramp Ramp)> Ramps() =>
    [
        (nameof(ElicitationShare), ElicitationShare), (nameof(CapabilityShare), CapabilityShare), (nameof(TasksPerDay), TasksPerDay),
        (nameof(OutputInputRatio), OutputInputRatio), (nameof(OutputTokens), OutputTokens), (nameof(MaxTokens), MaxTokens),
        (nameof(TruncatedShare), TruncatedShare), (nameof(ReasoningTokens), ReasoningTokens), (nameof(HourEntropy), HourEntropy),
        (nameof(ActiveDays), ActiveDays), (nameof(TemplateShare), TemplateShare), (nameof(ExchangesPerDay), ExchangesPerDay),
        (nameof(TurnDepth), TurnDepth),
    ];

    public void Validate()
    {
        foreach (var (name, ramp) in Ramps())
        {
            if (ramp is null)
            {
                throw new ArgumentException($"signal curve '{name}' is missing");
            }

            if (ramp.Problem() is { } problem)
            {
                throw new ArgumentException($"signal curve '{name}': {problem}");
            }
        }

        if (!(NewAccountDays >= 0 && NewAccountDays <= YoungAccountDays && YoungAccountDays <= RecentAccountDays && double.IsFinite(RecentAccountDays)))
        {
            throw new ArgumentException("account age steps must be finite and ordered: new ≤ young ≤ recent days");
        }

        if (YoungAccountSignal is < 0 or > 1 || RecentAccountSignal is < 0 or > 1 || RecentAccountSignal > YoungAccountSignal || MinToolUseShare is < 0 or > 1)
        {
            throw new ArgumentException("account age signals and the tool-use floor must lie in [0, 1], the recent signal at most the young one");
        }
    }
}
