using CsCheck;
using DistillGuard.Core.Linking;
using Xunit;

namespace DistillGuard.Core.Tests;

public class CandidatePairTests
{
    private static LinkCandidate Account(string id, string? payment, string? ip, string? email = null) =>
        new(Some.State(id, Enumerable.Range(0, 3).Select(i => Some.Exchange(id, $"prompt {id} number {i}", i) with
        {
            PaymentFingerprint = payment,
            ClientIp = ip,
            EmailDomain = email,
        })), 0.9);

    private static HashSet<string> Membership(IReadOnlyList<LinkedCluster> clusters) =>
        clusters.Select(c => string.Join(",", c.Accounts.Select(a => a.Value).Order(StringComparer.Ordinal))).ToHashSet();

    [Fact]
    public void AValueSharedByNAccountsPutsForwardAtMostNTimesKPairsAndKeepsThemConnected()
    {
        Gen.Int[2, 700].Select(Gen.Int[1, 60]).Sample((n, k) =>
        {
            var members = Enumerable.Range(0, n).Select(i => (3 * i) + 1).ToArray();
            var pairs = CandidatePairs.Of(members, k).Select(p => PairStrengths.Pack(p.A, p.B)).ToList();
            var joined = new UnionFind(members[^1] + 1);
            foreach (var (a, b) in CandidatePairs.Of(members, k))
            {
                joined.Union(a, b);
            }

            Assert.True(pairs.Count <= (long)n * k, $"{pairs.Count} pairs for {n} carriers at k = {k}");
            Assert.Equal(pairs.Count, pairs.Distinct().Count());
            Assert.Equal(CandidatePairs.Count(n, k), pairs.Count);
            Assert.All(members, m => Assert.Equal(joined.Find(members[0]), joined.Find(m)));
        });
    }

    [Fact]
    public void AValueCarriedByFewerThanTwoKPlusTwoAccountsIsReadPairByPair()
    {
        var members = Enumerable.Range(0, 21).ToArray();
        Assert.Equal(21 * 20 / 2, CandidatePairs.Of(members, 10).Count());
        Assert.Equal(22 * 10, CandidatePairs.Of([.. Enumerable.Range(0, 22)], 10).Count());
    }

    [Fact]
    public void FiveHundredAccountsOnOneCardLinkAsEveryPairWouldAndTheLinkerReadsNoMoreThanNTimesKPairs()
    {
        // One operator's 500 accounts on a card, a /24 and a domain; a second of 120 on its own card behind the same /24.
        var population = Enumerable.Range(0, 500).Select(i => Account($"op{i:D3}", "card-a", $"203.0.113.{i % 200}", "op.example"))
            .Concat(Enumerable.Range(0, 120).Select(i => Account($"other{i:D3}", "card-b", $"203.0.113.{200 + (i % 7)}")))
            .ToList();
        var wide = new LinkerOptions { MaxPairBucket = 1000 };

        var bounded = CampaignLinker.Analyse(population, wide with { PairNeighbours = 8 });
        var everyPair = CampaignLinker.Analyse(population, wide with { PairNeighbours = 1000 });

        Assert.Equal(Membership(everyPair.Clusters), Membership(bounded.Clusters));
        Assert.Equal([120, 500], bounded.Clusters.Select(c => c.Accounts.Count).Order());
        Assert.True(bounded.CandidatePairs < everyPair.CandidatePairs / 10, $"{bounded.CandidatePairs} pairs read against {everyPair.CandidatePairs}");
        Assert.True(bounded.CandidatePairs <= 620L * 8 * 5, $"{bounded.CandidatePairs} pairs read");
    }

    [Fact]
    public void AnOperatorOnSeveralCardsJoinedThroughSharedAddressesStaysOneGroupUnderTheBound()
    {
        // 400 accounts on four cards, one /24 and one domain; addresses shared two by two across cards join the card groups.
        var population = Enumerable.Range(0, 400)
            .Select(i => Account($"op{i:D3}", $"card-{i % 4}", $"198.51.100.{i / 2 % 250}", "op.example"))
            .ToList();

        var bounded = CampaignLinker.Analyse(population, new LinkerOptions { PairNeighbours = 8 });
        var everyPair = CampaignLinker.Analyse(population, new LinkerOptions { PairNeighbours = 400 });

        Assert.Equal(Membership(everyPair.Clusters), Membership(bounded.Clusters));
    }

    [Fact]
    public void EveryPairReadUnderTheBoundWeighsWhatItWouldWeighIfEveryPairWereRead()
    {
        // Card groups of 25, a domain of 100 and addresses shared across cards: at k = 3 most values are read as rings.
        var population = Enumerable.Range(0, 100)
            .Select(i => Account($"op{i:D3}", $"card-{i % 4}", $"198.51.100.{i % 30}", i < 60 ? "op.example" : null))
            .ToList();

        var bounded = CampaignLinker.Analyse(population, new LinkerOptions { PairNeighbours = 3 }).Graph;
        var everyPair = CampaignLinker.Analyse(population, new LinkerOptions { PairNeighbours = 100 }).Graph;

        foreach (var account in population.Select(a => a.State.AccountId))
        {
            var full = everyPair.EdgesOf(account, int.MaxValue).Edges.ToDictionary(e => (e.Other, e.Kind), e => e.PairStrength);
            var read = bounded.EdgesOf(account, int.MaxValue).Edges;
            Assert.NotEmpty(read);
            Assert.All(read, e => Assert.Equal(full[(e.Other, e.Kind)], e.PairStrength));
        }
    }

    [Fact]
    public void SuccessionsAmongTheCarriersOfAValueReadAsARingAreFoundInTimeOrder()
    {
        // 60 accounts behind one /24 that take over from one another every three hours (each life two hours long),
        // named so that account order is not time order.
        var population = Enumerable.Range(0, 60).Select(i =>
        {
            var id = $"h{i * 37 % 60:D2}";
            return new LinkCandidate(Some.State(id, Enumerable.Range(0, 3).Select(x => Some.Exchange(id, $"prompt {id} {x}", (i * 180) + (x * 60)) with
            {
                ClientIp = $"198.51.100.{i + 1}",
            })), 0.9);
        }).ToList();

        static HashSet<string> Successions(EvidenceGraph graph, IEnumerable<LinkCandidate> accounts) => accounts
            .SelectMany(a => graph.EdgesOf(a.State.AccountId, int.MaxValue).Edges)
            .Where(e => e.Kind == LinkKind.Succession)
            .Select(e => string.Join("-", new[] { e.Account.Value, e.Other.Value }.Order(StringComparer.Ordinal)))
            .ToHashSet();

        var bounded = Successions(CampaignLinker.Analyse(population, new LinkerOptions { PairNeighbours = 3 }).Graph, population);
        var everyPair = Successions(CampaignLinker.Analyse(population, new LinkerOptions { PairNeighbours = 60 }).Graph, population);

        Assert.Equal(59 + 58, everyPair.Count);
        Assert.Equal(everyPair, bounded);
    }
}
