namespace DistillGuard.Simulation.ScenarioSpecs;

/// <summary>
/// Population counts and knobs of one named scenario. A new scenario is a new instance in
/// <see cref="ScenarioCatalog"/>; the generators read nothing else.
/// </summary>
internal sealed record ScenarioSpec(
    string Name,
    DateTimeOffset Start,
    int Days,
    CasualSpec Casual,
    CoderSpec Coders,
    PipelineSpec Pipelines,
    ResearcherSpec Researchers,
    IReadOnlyList<CampaignSpec> Campaigns)
{
    public DateTimeOffset End => Start.AddDays(Days);

    /// <summary>A model released during the period; campaigns move to it within a day.</summary>
    public ModelRelease? Release { get; init; }

    /// <summary>Organic resellers: API accounts that front many end users. None unless a scenario adds them.</summary>
    public ResellerSpec Resellers { get; init; } = ResellerSpec.None;

    /// <summary>Documents, logs and files pasted into prompts, by everyone alike. None unless a scenario adds them.</summary>
    public Prompts.PastedContextSpec? PastedContext { get; init; }
}

/// <summary>Everyday chat users and the hard-negative groups among them.</summary>
/// <param name="Accounts">Casual accounts in total, including the groups below.</param>
/// <param name="MedianExchanges">Median exchanges per account over the whole period (log-normal).</param>
/// <param name="Teams">Teams of 3–15 colleagues sharing payment, office IP and organisation.</param>
/// <param name="NatAccounts">Accounts behind one university NAT (one IP, one ASN).</param>
/// <param name="VpnAccounts">Accounts behind popular VPN exits (hosting ASN, few IPs).</param>
/// <param name="StudentShare">Share of casual accounts pasting homework with step-by-step requests.</param>
/// <param name="YoungShare">Share of casual accounts that signed up during the period.</param>
internal sealed record CasualSpec(
    int Accounts,
    double MedianExchanges,
    int Teams,
    int NatAccounts,
    int VpnAccounts,
    double StudentShare,
    double YoungShare);

/// <summary>Heavy agentic coding-tool users.</summary>
internal sealed record CoderSpec(int Accounts, double SessionsPerWorkday, double MedianTurns);

/// <summary>Enterprise batch pipelines; an organisation may run several accounts.</summary>
internal sealed record PipelineSpec(int Organisations, int MaxAccountsPerOrganisation, double MedianIntervalMinutes);

/// <summary>Benchmark runners: one burst of single-turn questions.</summary>
internal sealed record ResearcherSpec(int Accounts, double MedianBenchmarkItems);

/// <summary>
/// Resellers and API proxies (<c>reseller</c>): pools of accounts of one business, each account fronting
/// many end users (their own clients, time zones and conversations) from the reseller's servers.
/// </summary>
/// <param name="Pools">Reseller businesses.</param>
/// <param name="MaxAccountsPerPool">Accounts per business, 1 to this many.</param>
/// <param name="DailyRate">Median exchanges per account per day, all end users together.</param>
internal sealed record ResellerSpec(int Pools, int MaxAccountsPerPool, double DailyRate)
{
    public static readonly ResellerSpec None = new(0, 0, 0);
}

/// <summary>Operator styles of distillation campaigns; the label's <c>kind</c>.</summary>
internal enum CampaignStyle
{
    Hydra,
    LowAndSlow,
    Agentic,

    /// <summary>Hydra infrastructure, every wrapper paraphrased anew in each request.</summary>
    Paraphrase,

    /// <summary>Hydra infrastructure, a large share of each account's traffic organic-looking cover.</summary>
    CoverTraffic,

    /// <summary>Harvest sweeps sent through a reseller's account pool that also carries real customers.</summary>
    ResellerProxy,

    /// <summary>Throw-away accounts with nothing shared but a paraphrased frame and a sign-up wave; <see cref="CampaignSpec.DailyRate"/> is each account's whole handful of requests.</summary>
    Swarm,

    /// <summary>An agent whose every deep session opens a new dataset item behind one preamble; <see cref="CampaignSpec.DailyRate"/> is sessions per day.</summary>
    AgentHarvest,
}

/// <summary>One operator's campaign.</summary>
/// <param name="Style">How the operator works.</param>
/// <param name="Accounts">Accounts used over the whole period, replacements included.</param>
/// <param name="Concurrent">Accounts active at one time (hydra replaces accounts; others keep theirs).</param>
/// <param name="DailyRate">Median exchanges per active account per day.</param>
internal sealed record CampaignSpec(CampaignStyle Style, int Accounts, int Concurrent, double DailyRate)
{
    /// <summary>
    /// Share of each account's exchanges that is ordinary users' traffic, drawn per account: the operator's
    /// cover (<see cref="CampaignStyle.CoverTraffic"/>) or the reseller's real customers
    /// (<see cref="CampaignStyle.ResellerProxy"/>). Other styles ignore it.
    /// </summary>
    public ShareRange OrganicShare { get; init; } = ShareRange.Zero;
}

/// <summary>A share drawn uniformly from [<paramref name="Min"/>, <paramref name="Max"/>].</summary>
internal sealed record ShareRange(double Min, double Max)
{
    public static readonly ShareRange Zero = new(0, 0);
}

/// <summary>A new model that becomes available <paramref name="Day"/> days into the period.</summary>
internal sealed record ModelRelease(int Day, string Model);
