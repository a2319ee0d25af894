using Xunit;
using CsCheck;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Tests;

/// <summary>Community detection over the evidence graph: weak bridges split groups, broad joints do not.</summary>
public class CommunityTests
{
    private static LinkCandidate Account(string id, string? payment = null, string? ip = null, string? domain = null) =>
        new(Some.State(id, Enumerable.Range(0, 3).Select(i => Some.Exchange(id, $"prompt {id} number {i} about something", i) with
        {
            PaymentFingerprint = payment,
            ClientIp = ip,
            EmailDomain = domain,
        })), 0.9);

    // Two operators of eight accounts, each on its own card and /24, one account of each behind one shared IP.
    private static List<LinkCandidate> TwoOperatorsAndOneBridge()
    {
        var list = new List<LinkCandidate>();
        for (var i = 0; i < 8; i++)
        {
            list.Add(Account($"opa{i}", payment: "card-a", ip: i == 0 ? "198.51.100.9" : $"203.0.113.{i + 1}"));
            list.Add(Account($"opb{i}", payment: "card-b", ip: i == 0 ? "198.51.100.9" : $"192.0.2.{i + 1}"));
        }

        return list;
    }

    private static string Canonical(IReadOnlyList<LinkedCluster> clusters) =>
        string.Join("|", clusters.Select(c => string.Join(",", c.Accounts.Select(a => a.Value).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));

    [Fact]
    public void TwoDenseGroupsJoinedByOneEdgeComeOutAsTwoCommunities()
    {
        var clusters = CampaignLinker.Link(TwoOperatorsAndOneBridge(), new LinkerOptions());
        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c => Assert.Single(c.Accounts.Select(a => a.Value[..3]).Distinct()));
        Assert.All(clusters, c => Assert.Contains(c.Evidence, e => e.Contains("weak bridge", StringComparison.Ordinal)));
    }

    [Fact]
    public void OneAccountJoinedToBothGroupsDoesNotMergeThem()
    {
        var population = TwoOperatorsAndOneBridge();
        population[0] = Account("opa0", payment: "card-a", ip: "203.0.113.1");
        population[1] = Account("opb0", payment: "card-b", ip: "192.0.2.1");
        // One account pays with both cards: joined to all sixteen, yet it is a single account.
        population.Add(new LinkCandidate(Some.State("mixed", Enumerable.Range(0, 4).Select(i => Some.Exchange("mixed", $"prompt mixed {i}", i) with
        {
            PaymentFingerprint = i % 2 == 0 ? "card-a" : "card-b",
        })), 0.9));
        var clusters = CampaignLinker.Link(population, new LinkerOptions());
        Assert.Equal(2, clusters.Count);
        Assert.Single(clusters, c => c.Accounts.Any(a => a.Value.StartsWith("opa", StringComparison.Ordinal)));
        Assert.Single(clusters, c => c.Accounts.Any(a => a.Value.StartsWith("opb", StringComparison.Ordinal)));
    }

    [Fact]
    public void OneOperatorOnSeveralCardsJoinedByManyAccountsStaysOneGroup()
    {
        // Three cards; accounts of different cards share client IPs pairwise (four independent pairs per card pair).
        var list = new List<LinkCandidate>();
        for (var i = 0; i < 18; i++)
        {
            var card = i % 3;
            list.Add(Account($"op{i:D2}", payment: $"card-{card}", ip: $"203.0.113.{i / 3}", domain: "op.example"));
        }

        var cluster = Assert.Single(CampaignLinker.Link(list, new LinkerOptions()));
        Assert.Equal(18, cluster.Accounts.Count);
    }

    [Fact]
    public void ShufflingAPopulationWithBridgesGivesTheSameCommunities()
    {
        var population = TwoOperatorsAndOneBridge();
        for (var i = 0; i < 30; i++)
        {
            population.Add(Account($"org{i:D2}", ip: "198.51.100.77") with { HarvestProbability = 0.01 });
        }

        var expected = Canonical(CampaignLinker.Link(population, new LinkerOptions()));
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            return Canonical(CampaignLinker.Link(population.OrderBy(_ => random.Next()).ToList(), new LinkerOptions())) == expected;
        }, iter: 20);
    }

    [Fact]
    public void LouvainKeepsACliqueWholeAndSplitsTwoCliquesJoinedByOneEdge()
    {
        static WeightedGraph Cliques(int size, int count, bool bridge)
        {
            var n = size * count;
            var neighbours = new List<int>[n];
            for (var i = 0; i < n; i++)
            {
                neighbours[i] = [.. Enumerable.Range(0, n).Where(j => j != i && j / size == i / size)];
            }

            if (bridge)
            {
                neighbours[0].Add(size);
                neighbours[size].Add(0);
            }

            return new WeightedGraph(
                [.. neighbours.Select(l => l.Order().ToArray())],
                [.. neighbours.Select(l => l.Select(_ => 1.0).ToArray())],
                new double[n]);
        }

        Assert.Single(Louvain.Communities(Cliques(12, 1, bridge: false)).Distinct());
        var labels = Louvain.Communities(Cliques(10, 2, bridge: true));
        Assert.Equal(2, labels.Distinct().Count());
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(labels[i / 10 * 10], labels[i]));
    }

    [Fact]
    public void AMatchingCountsAccountsThatCarryTheJointIndependently()
    {
        Assert.Equal(1, Matching.Size([(0, 10), (0, 11), (0, 12)]));
        Assert.Equal(1, Matching.Size([(0, 10), (1, 10), (2, 10)]));
        Assert.Equal(3, Matching.Size([(0, 10), (1, 11), (2, 12)]));
        Assert.Equal(2, Matching.Size([(0, 10), (0, 11), (1, 10)]));
    }
}
