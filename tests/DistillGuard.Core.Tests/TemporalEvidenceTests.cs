using Xunit;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Tests;

/// <summary>Lockstep and succession evidence: they add to identity, never replace it, and crowds weaken them.</summary>
public class TemporalEvidenceTests
{
    private static readonly int[] SameHours = [.. Enumerable.Range(0, 72).Where(h => h % 3 != 1)];

    /// <summary>An account with one call at minute 5 of each given hour after <see cref="Some.Start"/>.</summary>
    private static LinkCandidate ActiveIn(string id, IEnumerable<int> hours, double probability = 0.9, string? network = null, string? domain = null) =>
        new(Some.State(id, hours.Select(h => Some.Exchange(id, $"prompt {id} at hour {h}", (h * 60) + 5) with
        {
            ClientIp = network is null ? null : $"{network}.{(int)id[^1]}",
            EmailDomain = domain,
        })), probability);

    /// <summary>An account calling every twenty minutes from one hour to another, through one ASN and client, in one wrapper.</summary>
    private static LinkCandidate Life(string id, int fromHour, int toHour, int asn = 64_501) =>
        new(Some.State(id, Enumerable.Range(fromHour * 3, (toHour - fromHour) * 3).Select(t => Some.Exchange(id, $"Solve the following problem step by step and show your reasoning: item {id}-{t}", t * 20) with
        {
            Asn = asn,
            UserAgent = "harvest-sdk/1.0",
        })), 0.9);

    [Fact]
    public void AccountsInLockstepOnASharedNetworkAreJoinedWhereTheNetworkAloneWouldNotJoinThem()
    {
        var together = CampaignLinker.Link([ActiveIn("a1", SameHours, network: "203.0.113", domain: "op.example"), ActiveIn("a2", SameHours, network: "203.0.113", domain: "op.example")], new LinkerOptions());
        var cluster = Assert.Single(together);
        Assert.Contains(cluster.Evidence, e => e.Contains("same hours", StringComparison.Ordinal));

        var apart = CampaignLinker.Link([ActiveIn("a1", SameHours, network: "203.0.113", domain: "op.example"), ActiveIn("a2", SameHours.Select(h => h + 200), network: "203.0.113", domain: "op.example")], new LinkerOptions());
        Assert.Empty(apart);
    }

    [Fact]
    public void LockstepAloneNeverJoinsAccounts()
    {
        var accounts = Enumerable.Range(0, 6).Select(i => ActiveIn($"l{i}", SameHours)).ToList();
        var result = CampaignLinker.Analyse(accounts, new LinkerOptions());
        Assert.Empty(result.Clusters);
        Assert.True(result.Graph.TemporalPairs > 0);
    }

    [Fact]
    public void OrdinaryAccountsKeepingTheSameHoursTakeTheWeightOutOfLockstep()
    {
        var accounts = new List<LinkCandidate> { ActiveIn("a1", SameHours, network: "203.0.113", domain: "op.example"), ActiveIn("a2", SameHours, network: "203.0.113", domain: "op.example") };
        accounts.AddRange(Enumerable.Range(0, 6).Select(i => ActiveIn($"office{i}", SameHours, probability: 0.01)));
        var result = CampaignLinker.Analyse(accounts, new LinkerOptions());
        Assert.Empty(result.Clusters);
        Assert.DoesNotContain(result.Graph.EdgesOf(new AccountId("a1"), 50).Edges, e => e.Kind == LinkKind.Lockstep);
    }

    [Fact]
    public void AnAccountTakingOverWithinHoursOnTheSameClientAndWrapperIsJoinedToItsPredecessor()
    {
        var result = CampaignLinker.Analyse([Life("h1", 0, 30), Life("h2", 33, 60)], new LinkerOptions());
        var cluster = Assert.Single(result.Clusters);
        Assert.Contains(cluster.Evidence, e => e.Contains("replaced one another", StringComparison.Ordinal));
        var succession = Assert.Single(result.Graph.EdgesOf(new AccountId("h2"), 50).Edges, e => e.Kind == LinkKind.Succession);
        Assert.InRange(succession.Detail, 3.3, 3.4); // 29 h 40 min to 33 h
    }

    [Fact]
    public void AccountsRunningSideBySideOrDaysApartAreNoSuccession()
    {
        var sideBySide = CampaignLinker.Analyse([Life("h1", 0, 30), Life("h2", 10, 40)], new LinkerOptions()).Graph;
        Assert.DoesNotContain(sideBySide.EdgesOf(new AccountId("h2"), 50).Edges, e => e.Kind == LinkKind.Succession);
        Assert.Empty(CampaignLinker.Link([Life("h1", 0, 30), Life("h2", 60, 90)], new LinkerOptions()));
    }

    [Fact]
    public void ASuccessionOnAValueOrdinaryAccountsCarryTooCountsForLess()
    {
        // One ordinary account in three on the client and wrapper: they still count, the succession barely.
        var accounts = new List<LinkCandidate> { Life("h1", 0, 30), Life("h2", 33, 60), Life("ord", 0, 60) with { HarvestProbability = 0.01 } };
        var result = CampaignLinker.Analyse(accounts, new LinkerOptions());
        Assert.Empty(result.Clusters);
        var succession = Assert.Single(result.Graph.EdgesOf(new AccountId("h2"), 50).Edges, e => e.Kind == LinkKind.Succession);
        Assert.InRange(succession.Weight, 0.01, 0.1);
        Assert.Equal(1, succession.Rarity.OrdinaryCarriers);
    }
}
