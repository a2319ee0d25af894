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
    public void OnlyTheStrongestPartnersAreKeptAndTheTotalIsSaid()
    {
        var accounts = Enumerable.Range(0, 12).Select(i => Account($"c{i:D2}", 0.9, payment: "card", ip: i < 3 ? "203.0.113.5" : null)).ToList();
        var edges = CampaignLinker.Analyse(accounts, new LinkerOptions()).Graph.EdgesOf(new AccountId("c00"), 3);
        Assert.Equal(11, edges.Partners);
        Assert.Equal(3, edges.KeptPartners);
        Assert.Contains(edges.Edges, e => e.Other.Value == "c01");
        Assert.Contains(edges.Edges, e => e.Other.Value == "c02");
        Assert.Empty(CampaignLinker.Analyse(accounts, new LinkerOptions()).Graph.EdgesOf(new AccountId("nobody"), 3).Edges);
    }
}
