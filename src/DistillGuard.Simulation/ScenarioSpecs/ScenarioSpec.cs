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

/// <summary>Operator styles of distillation campaigns; the label's <c>kind</c>.</summary>
internal enum CampaignStyle
{
    Hydra,
    LowAndSlow,
    Agentic,
}

/// <summary>One operator's campaign.</summary>
/// <param name="Style">How the operator works.</param>
/// <param name="Accounts">Accounts used over the whole period, replacements included.</param>
/// <param name="Concurrent">Accounts active at one time (hydra replaces accounts; others keep theirs).</param>
/// <param name="DailyRate">Median exchanges per active account per day.</param>
internal sealed record CampaignSpec(CampaignStyle Style, int Accounts, int Concurrent, double DailyRate);

/// <summary>A new model that becomes available <paramref name="Day"/> days into the period.</summary>
internal sealed record ModelRelease(int Day, string Model);
