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

    // Operators that have every wrapper rewritten per request (paraphrased public templates and house
    // styles, varying openers and sign-offs): exact-template reuse is low within and across accounts.
    private static readonly ScenarioSpec Paraphrase = Default with
    {
        Name = "paraphrase",
        Campaigns =
        [
            new CampaignSpec(CampaignStyle.Paraphrase, Accounts: 160, Concurrent: 40, DailyRate: 140),
            new CampaignSpec(CampaignStyle.Paraphrase, Accounts: 40, Concurrent: 12, DailyRate: 200),
            new CampaignSpec(CampaignStyle.Paraphrase, Accounts: 60, Concurrent: 30, DailyRate: 80),
        ],
    };

    // Operators that dilute every account with 40-60% ordinary-looking conversations from the organic
    // generator (or corpus), so per-account shares of harvest traits fall towards an ordinary user's.
    private static readonly ScenarioSpec CoverTraffic = Default with
    {
        Name = "cover-traffic",
        Campaigns =
        [
            Covered(accounts: 120, concurrent: 60, dailyRate: 140),
            Covered(accounts: 40, concurrent: 20, dailyRate: 200),
            Covered(accounts: 30, concurrent: 30, dailyRate: 80),
        ],
    };

    // Resellers: pools of accounts fronting many end users. Twelve carry only their customers; six also
    // carry one harvester's sweeps (30-60% of each account's exchanges), and those pools are the campaigns.
    private static readonly ScenarioSpec ResellerProxy = Default with
    {
        Name = "reseller-proxy",
        Resellers = new ResellerSpec(Pools: 12, MaxAccountsPerPool: 6, DailyRate: 250),
        Campaigns =
        [
            ResoldThrough(accounts: 8), ResoldThrough(accounts: 6), ResoldThrough(accounts: 5),
            ResoldThrough(accounts: 4), ResoldThrough(accounts: 3), ResoldThrough(accounts: 2),
        ],
    };

    // The three adversaries above at the size of tiny, for tests: one operator of each, three reseller
    // businesses that carry only their customers (resellers as busy per account as in reseller-proxy).
    private static readonly ScenarioSpec TinyAdversaries = Tiny with
    {
        Name = "tiny-adversaries",
        Resellers = new ResellerSpec(Pools: 3, MaxAccountsPerPool: 4, DailyRate: 250),
        Campaigns =
        [
            new CampaignSpec(CampaignStyle.Paraphrase, Accounts: 14, Concurrent: 7, DailyRate: 160),
            Covered(accounts: 12, concurrent: 6, dailyRate: 140),
            ResoldThrough(accounts: 4),
        ],
    };

    // Operators that share no infrastructure: two swarms of throw-away accounts born in a wave, tied only by their
    // frames and timing, and two agents whose deep sessions each open a new dataset item behind one preamble.
    private static readonly ScenarioSpec NoSharedInfrastructure = Default with
    {
        Name = "no-shared-infrastructure",
        Campaigns =
        [
            new CampaignSpec(CampaignStyle.Swarm, Accounts: 80, Concurrent: 80, DailyRate: 9),
            new CampaignSpec(CampaignStyle.Swarm, Accounts: 40, Concurrent: 40, DailyRate: 12),
            new CampaignSpec(CampaignStyle.AgentHarvest, Accounts: 9, Concurrent: 9, DailyRate: 30),
            new CampaignSpec(CampaignStyle.AgentHarvest, Accounts: 6, Concurrent: 6, DailyRate: 25),
        ],
    };

    // The same at the size of tiny, for tests.
    private static readonly ScenarioSpec TinyNoSharedInfrastructure = Tiny with
    {
        Name = "tiny-no-shared-infrastructure",
        Campaigns =
        [
            new CampaignSpec(CampaignStyle.Swarm, Accounts: 30, Concurrent: 30, DailyRate: 9),
            new CampaignSpec(CampaignStyle.AgentHarvest, Accounts: 6, Concurrent: 6, DailyRate: 30),
        ],
    };

    // Default's populations with prompts the size real ones are: half of every population's openers carry a pasted
    // document, log or file (150 words at the median), after the question. Exchanges of about 1.2 KB and prompts of
    // about 470 characters (seeds 1-2), near the outside generator's 1.17 KB and 550; the batch benchmark's realistic log.
    private static readonly ScenarioSpec LongPrompts = Default with
    {
        Name = "long-prompts",
        PastedContext = new Prompts.PastedContextSpec(Share: 0.5, MedianWords: 150),
    };

    private static readonly IReadOnlyList<ScenarioSpec> All =
        [Tiny, Default, SharedNat, LowAndSlow, ModelPivot, Paraphrase, CoverTraffic, ResellerProxy, TinyAdversaries,
            NoSharedInfrastructure, TinyNoSharedInfrastructure, LongPrompts];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <summary>A cover-traffic operator: 40-60% of each account's exchanges are ordinary conversations.</summary>
    private static CampaignSpec Covered(int accounts, int concurrent, double dailyRate) =>
        new(CampaignStyle.CoverTraffic, accounts, concurrent, dailyRate) { OrganicShare = new(0.4, 0.6) };

    /// <summary>A harvester inside a reseller pool of <paramref name="accounts"/>, each as busy as an organic reseller's, 40-70% of it customers.</summary>
    private static CampaignSpec ResoldThrough(int accounts) =>
        new(CampaignStyle.ResellerProxy, accounts, accounts, DailyRate: 250) { OrganicShare = new(0.4, 0.7) };

    public static ScenarioSpec Get(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scenario '{name}'. Valid scenarios: {string.Join(", ", Names)}.", nameof(name));
}
