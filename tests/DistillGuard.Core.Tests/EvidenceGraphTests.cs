using Xunit;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Tests;

/// <summary>The edges the linker hands out for explain and the store.</summary>
public class EvidenceGraphTests
{
    private static LinkCandidate Account(string id, double probability, string? payment = null, string? ip = null) =>
        new(Some.State(id, Enumerable.Range(0, 3).Select(i => Some.Exchange(id, $"prompt {id} number {i}", i) with { PaymentFingerprint = payment, ClientIp = ip })), probability);

    [Fact]
    public void AnAccountsEdgesNameThePartnerTheKindTheWeightAndHowRareTheValueIs()
    {
        var accounts = new List<LinkCandidate>();
        accounts.AddRange(Enumerable.Range(0, 5).Select(i => Account($"c{i}", 0.9, payment: "card", ip: i < 2 ? "203.0.113.5" : null)));
        accounts.AddRange(Enumerable.Range(0, 20).Select(i => Account($"o{i:D2}", 0.01)));
        accounts.Add(Account("o-card", 0.01, payment: "card"));
        var graph = CampaignLinker.Analyse(accounts, new LinkerOptions()).Graph;

        var edges = graph.EdgesOf(new AccountId("c0"), 50);
        Assert.Equal(4, edges.Partners);
        var payment = edges.Edges.Where(e => e.Kind == LinkKind.Payment).ToArray();
        Assert.Equal(4, payment.Length);
        Assert.All(payment, e => Assert.Equal(new ValueRarity(6, 1, 21), e.Rarity));
        Assert.All(payment, e => Assert.NotEqual(0UL, e.Value));
        var strongest = edges.Edges[0];
        Assert.Equal("c1", strongest.Other.Value);
        Assert.Equal(2.0, strongest.PairStrength, 6); // card, client IP and its /24
        Assert.Contains(edges.Edges, e => e.Other.Value == "c1" && e.Kind == LinkKind.ClientIp);
    }

    [Fact]
    public void OnlyTheStrongestPartnersWholeEdgesThatFitAreKeptAndTheTotalIsSaid()
    {
        var accounts = Enumerable.Range(0, 12).Select(i => Account($"c{i:D2}", 0.9, payment: "card", ip: i < 3 ? "203.0.113.5" : null)).ToList();
        var graph = CampaignLinker.Analyse(accounts, new LinkerOptions()).Graph;
        var all = graph.EdgesOf(new AccountId("c00"), 1_000);
        Assert.Equal(11, all.Partners);
        Assert.Equal(11, all.KeptPartners);
        // The partners sharing the address as well come first, with more edges each than the card alone gives.
        var order = all.Edges.Select(e => e.Other).Distinct().ToArray();
        Assert.Equal(["c01", "c02"], order[..2].Select(a => a.Value));
        Assert.True(all.Edges.Count(e => e.Other == order[0]) > 1);

        for (var bound = 1; bound <= all.Edges.Count; bound++)
        {
            // Whole partners in order while their edges fit, and never fewer than the strongest one.
            var kept = 1;
            while (kept < order.Length && all.Edges.Count(e => order.Take(kept + 1).Contains(e.Other)) <= bound)
            {
                kept++;
            }

            var edges = graph.EdgesOf(new AccountId("c00"), bound);
            Assert.Equal(11, edges.Partners);
            Assert.Equal(kept, edges.KeptPartners);
            Assert.Equal(all.Edges.Where(e => order.Take(kept).Contains(e.Other)), edges.Edges);
            Assert.True(edges.Edges.Count <= bound || kept == 1);
        }

        Assert.Empty(graph.EdgesOf(new AccountId("nobody"), 3).Edges);
    }
}
