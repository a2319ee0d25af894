using System.Text.Json;
using DistillGuard.Simulation.Tests.Support;

namespace DistillGuard.Simulation.Tests;

/// <summary>Shared run of <c>tiny-no-shared-infrastructure</c>: a swarm and an agent that harvests.</summary>
public sealed class NoSharedInfrastructureLogFixture : IDisposable
{
    public SimulatedLog Log { get; } = SimulatedLog.Run("tiny-no-shared-infrastructure", 5);

    public void Dispose() => Log.Dispose();
}

/// <summary>The styles written from the red-team description: what each must look like, and what it must not share.</summary>
public sealed class NoSharedInfrastructureTests(NoSharedInfrastructureLogFixture fixture, TinyLogFixture tiny)
    : IClassFixture<NoSharedInfrastructureLogFixture>, IClassFixture<TinyLogFixture>
{
    [Fact]
    public void SwarmAccountsShareNoCardAddressNetworkOrganisationOrDomainPair()
    {
        var accounts = Accounts(fixture.Log, "swarm");

        Assert.True(accounts.Count >= 20);
        foreach (string field in (string[])["payment_fingerprint", "client_ip", "organization_id", "api_key_id"])
        {
            var values = accounts.Select(a => Field(a[0], field)).ToList();
            Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        }

        var networks = accounts.Select(a => Network(Field(a[0], "client_ip"))).ToList();
        Assert.True(networks.Distinct(StringComparer.Ordinal).Count() >= 0.9 * networks.Count, "nearly every account on a /24 of its own");
    }

    [Fact]
    public void SwarmAccountsAreThrowAwaysBornInOneWaveMinutesToHoursBeforeTheirFirstCall()
    {
        var accounts = Accounts(fixture.Log, "swarm");
        var firstCalls = accounts.Select(a => a.Min(r => Time(r, "timestamp"))).ToList();

        Assert.All(accounts, a =>
        {
            var first = a.Min(r => Time(r, "timestamp"));
            Assert.InRange((first - Time(a[0], "account_created_at")).TotalHours, 0, 8);
            Assert.InRange(a.Count, 3, 30);
            Assert.True((a.Max(r => Time(r, "timestamp")) - first).TotalHours < 6, "used for a few hours, then dropped");
        });
        Assert.True((firstCalls.Max() - firstCalls.Min()).TotalDays <= 4, "one wave of a few days");
    }

    [Fact]
    public void SwarmPromptsAreTheOperatorsFewFramesAroundChangingItems()
    {
        var prompts = Accounts(fixture.Log, "swarm").SelectMany(a => a).Select(r => Field(r, "prompt")).Where(p => p.Length > 0).ToList();
        var openings = prompts.Select(p => p[..p.IndexOf('\n', StringComparison.Ordinal)]).Distinct().Count();
        var closings = prompts.Select(p => p[(p.LastIndexOf('\n') + 1)..]).Distinct().Count();

        Assert.InRange(openings, 2, 8);
        Assert.InRange(closings, 2, 4);
        Assert.True(prompts.Distinct().Count() >= 0.95 * prompts.Count, "the items change");
    }

    [Fact]
    public void HarvestingAgentsRunSessionsAsDeepAsCodersButEachOpensANewItemBehindOnePreamble()
    {
        var agents = Accounts(fixture.Log, "agent-harvest");
        var coders = Accounts(tiny.Log, "coder");

        Assert.NotEmpty(agents);
        Assert.All(agents, a =>
        {
            var openings = a.Where(r => r.GetProperty("turn_index").GetInt32() == 0).Select(r => Field(r, "prompt")).Where(p => p.Length > 0).ToList();
            Assert.True(a.Average(r => r.GetProperty("turn_index").GetInt32()) >= 3, "deep sessions");
            Assert.Single(openings.Select(p => p[..p.IndexOf("\n\n", StringComparison.Ordinal)]).Distinct());
            Assert.Equal(openings.Count, openings.Distinct().Count());
        });
        var agentSessionsPerDay = agents.Average(SessionsPerActiveDay);
        var coderSessionsPerDay = coders.Average(SessionsPerActiveDay);
        Assert.True(agentSessionsPerDay >= 5 * coderSessionsPerDay, $"{agentSessionsPerDay:0.0} against coders' {coderSessionsPerDay:0.0}");
    }

    [Fact]
    public void HarvestingAgentsShareCardsAboutThreeAccountsToACardButNoAddress()
    {
        var agents = Accounts(fixture.Log, "agent-harvest");
        var cards = agents.GroupBy(a => Field(a[0], "payment_fingerprint")).ToList();

        Assert.Contains(cards, c => c.Count() >= 2);
        Assert.True(cards.Count >= 2, "more than one card");
        Assert.Equal(agents.Count, agents.Select(a => Field(a[0], "client_ip")).Distinct().Count());
    }

    private static double SessionsPerActiveDay(List<JsonElement> records) =>
        records.Count(r => r.GetProperty("turn_index").GetInt32() == 0) / (double)records.Select(r => Time(r, "timestamp").Date).Distinct().Count();

    private static List<List<JsonElement>> Accounts(SimulatedLog log, string kind) =>
        [.. log.RecordsOfKind(kind).GroupBy(r => Field(r, "account_id")).Select(g => g.ToList())];

    private static string Field(JsonElement r, string name) => r.TryGetProperty(name, out JsonElement v) ? v.ToString() : string.Empty;

    private static DateTimeOffset Time(JsonElement r, string name) => DateTimeOffset.Parse(Field(r, name), System.Globalization.CultureInfo.InvariantCulture);

    private static string Network(string ip) => ip[..ip.LastIndexOf('.')];
}
