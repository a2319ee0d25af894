using Xunit;
using CsCheck;
using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Tests;

public class LinkingTests
{
    private static LinkCandidate Account(string id, double probability, string? payment = null, string? ip = null, int exchanges = 3)
    {
        var state = Some.State(id, Enumerable.Range(0, exchanges).Select(i => Some.Exchange(id, $"prompt {id} number {i} about something", i) with
        {
            PaymentFingerprint = payment,
            ClientIp = ip,
        }));
        return new LinkCandidate(state, probability);
    }

    private static List<LinkCandidate> Population()
    {
        var list = new List<LinkCandidate>();
        for (var i = 0; i < 12; i++)
        {
            list.Add(Account($"camp{i:D2}", 0.9, payment: $"card-{i % 3}", ip: $"203.0.113.{i % 4}"));
        }

        for (var i = 0; i < 150; i++)
        {
            list.Add(Account($"nat{i:D3}", 0.01, ip: "198.51.100.7"));
        }

        for (var i = 0; i < 40; i++)
        {
            list.Add(Account($"team{i:D2}", 0.01, payment: $"corp-card-{i / 8}"));
        }

        return list;
    }

    [Fact]
    public void CandidatesSharingRareInfrastructureFormOneCluster()
    {
        var clusters = CampaignLinker.Link(Population(), new LinkerOptions());
        var cluster = Assert.Single(clusters);
        Assert.Equal(12, cluster.Accounts.Count);
        Assert.All(cluster.Accounts, a => Assert.StartsWith("camp", a.Value, StringComparison.Ordinal));
        Assert.Contains(cluster.Evidence, e => e.Contains("payment", StringComparison.Ordinal));
    }

    [Fact]
    public void AClustersLinkedSizeCountsHowExclusivelyItsIdentityValuesAreItsOwn()
    {
        // Six candidates behind a home or office IP that four ordinary users share, beside the campaign's own cards.
        var population = Population();
        population.AddRange(Enumerable.Range(0, 6).Select(i => Account($"home{i}", 0.5, ip: "192.0.2.77")));
        population.AddRange(Enumerable.Range(0, 4).Select(i => Account($"neighbour{i}", 0.01, ip: "192.0.2.77")));

        var clusters = CampaignLinker.Link(population, new LinkerOptions());
        var home = clusters.Single(c => c.Accounts.Any(a => a.Value.StartsWith("home", StringComparison.Ordinal)));
        var campaign = clusters.Single(c => c.Accounts.Any(a => a.Value.StartsWith("camp", StringComparison.Ordinal)));

        Assert.Equal(6, home.LargestLinkedGroup);
        Assert.Equal(6 * 0.6, home.LinkedSize, 9);
        Assert.Equal(12, campaign.LinkedSize, 9);
    }

    [Fact]
    public void AUniversityNatLinksNobodyEvenWithAFewCandidatesBehindIt()
    {
        var population = Population();
        population.Add(Account("natcand1", 0.9, ip: "198.51.100.7"));
        population.Add(Account("natcand2", 0.9, ip: "198.51.100.7"));
        population.Add(Account("natcand3", 0.9, ip: "198.51.100.7"));
        var clusters = CampaignLinker.Link(population, new LinkerOptions());
        Assert.DoesNotContain(clusters.SelectMany(c => c.Accounts), a => a.Value.StartsWith("nat", StringComparison.Ordinal));
    }

    [Fact]
    public void ShufflingTheInputGivesTheSameClusters()
    {
        var population = Population();
        var expected = Canonical(CampaignLinker.Link(population, new LinkerOptions()));
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var shuffled = population.OrderBy(_ => random.Next()).ToList();
            return Canonical(CampaignLinker.Link(shuffled, new LinkerOptions())) == expected;
        }, iter: 25);
    }

    [Fact]
    public void OneSharedValueBetweenTwoOrganicAccountsCreatesNoCluster()
    {
        Gen.Int[0, 149].Select(Gen.Int[0, 149]).Where((a, b) => a != b).Sample((a, b) =>
        {
            var population = Population();
            population[12 + a] = Account($"nat{a:D3}", 0.01, payment: "spurious", ip: "198.51.100.7");
            population[12 + b] = Account($"nat{b:D3}", 0.01, payment: "spurious", ip: "198.51.100.7");
            var clusters = CampaignLinker.Link(population, new LinkerOptions());
            return clusters.Count == 1 && clusters[0].Accounts.All(x => x.Value.StartsWith("camp", StringComparison.Ordinal));
        }, iter: 20);
    }

    private static string Canonical(IReadOnlyList<LinkedCluster> clusters) =>
        string.Join("|", clusters.Select(c => string.Join(",", c.Accounts.Select(a => a.Value).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
}
