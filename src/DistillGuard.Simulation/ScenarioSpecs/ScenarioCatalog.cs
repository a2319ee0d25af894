namespace DistillGuard.Simulation.ScenarioSpecs;

/// <summary>The named scenarios. Add a scenario by adding an entry here.</summary>
internal static class ScenarioCatalog
{
    /// <summary>The simulated period starts here for every scenario: no clock is read.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 4, 22, 0, 0, 0, TimeSpan.Zero);

    private static readonly ScenarioSpec Tiny = new(
        "tiny",
        Epoch,
        Days: 7,
        new CasualSpec(Accounts: 100, MedianExchanges: 6, Teams: 2, NatAccounts: 10, VpnAccounts: 8, StudentShare: 0.15, YoungShare: 0.12),
        new CoderSpec(Accounts: 8, SessionsPerWorkday: 1.2, MedianTurns: 22),
        new PipelineSpec(Organisations: 3, MaxAccountsPerOrganisation: 3, MedianIntervalMinutes: 60),
        new ResearcherSpec(Accounts: 5, MedianBenchmarkItems: 120),
        [
            new CampaignSpec(CampaignStyle.Hydra, Accounts: 14, Concurrent: 7, DailyRate: 160),
            new CampaignSpec(CampaignStyle.LowAndSlow, Accounts: 36, Concurrent: 36, DailyRate: 30),
            new CampaignSpec(CampaignStyle.Agentic, Accounts: 12, Concurrent: 12, DailyRate: 60),
        ]);

    private static readonly ScenarioSpec Default = new(
        "default",
        Epoch,
        Days: 7,
        new CasualSpec(Accounts: 2300, MedianExchanges: 8, Teams: 30, NatAccounts: 160, VpnAccounts: 160, StudentShare: 0.15, YoungShare: 0.1),
        new CoderSpec(Accounts: 120, SessionsPerWorkday: 1.3, MedianTurns: 28),
        new PipelineSpec(Organisations: 28, MaxAccountsPerOrganisation: 4, MedianIntervalMinutes: 60),
        new ResearcherSpec(Accounts: 60, MedianBenchmarkItems: 200),
        [
            new CampaignSpec(CampaignStyle.Hydra, Accounts: 160, Concurrent: 40, DailyRate: 140),
            new CampaignSpec(CampaignStyle.Hydra, Accounts: 40, Concurrent: 12, DailyRate: 200),
            new CampaignSpec(CampaignStyle.LowAndSlow, Accounts: 60, Concurrent: 60, DailyRate: 30),
            new CampaignSpec(CampaignStyle.Agentic, Accounts: 50, Concurrent: 50, DailyRate: 60),
        ]);

    // Crowds behind one address: a university NAT and popular VPN exits carry many ordinary users,
    // students among them asking for step-by-step explanations; none of them may be linked.
    private static readonly ScenarioSpec SharedNat = Default with
    {
        Name = "shared-nat",
        Casual = new CasualSpec(Accounts: 2300, MedianExchanges: 10, Teams: 40, NatAccounts: 700, VpnAccounts: 700, StudentShare: 0.35, YoungShare: 0.15),
    };

    // Only the slow style: several operators on aged residential accounts with paraphrased
    // wrappers and cover traffic, against the full organic population.
    private static readonly ScenarioSpec LowAndSlow = Default with
    {
        Name = "low-and-slow",
        Campaigns =
        [
            new CampaignSpec(CampaignStyle.LowAndSlow, Accounts: 80, Concurrent: 80, DailyRate: 25),
            new CampaignSpec(CampaignStyle.LowAndSlow, Accounts: 40, Concurrent: 40, DailyRate: 40),
            new CampaignSpec(CampaignStyle.LowAndSlow, Accounts: 24, Concurrent: 24, DailyRate: 20),
        ],
    };

    // A new model is released on day 3; the hydra operators move to it within hours.
    private static readonly ScenarioSpec ModelPivot = Default with
    {
        Name = "model-pivot",
        Release = new ModelRelease(3, Traffic.Models.Next),
    };

    private static readonly IReadOnlyList<ScenarioSpec> All = [Tiny, Default, SharedNat, LowAndSlow, ModelPivot];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    public static ScenarioSpec Get(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scenario '{name}'. Valid scenarios: {string.Join(", ", Names)}.", nameof(name));
}
