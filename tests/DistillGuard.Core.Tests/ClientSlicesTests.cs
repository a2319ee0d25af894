using Xunit;
using CsCheck;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Tests;

/// <summary>Reading a reseller's account client by client: the heavy clients' parts of the traffic, and what they ask for.</summary>
public class ClientSlicesTests
{
    [Fact]
    public void AClientAboveASeventhOfTheTrafficAlwaysHoldsACounterWithItsOwnShares()
    {
        // A harvester's SDK (a quarter of the calls, all sweeps) among a hundred customers in random order.
        Gen.Int[0, 1_000_000].Sample(seed =>
        {
            var rng = new Random(seed);
            var slices = new ClientSlices();
            for (var i = 0; i < 4_000; i++)
            {
                var sdk = rng.NextDouble() < 0.25;
                slices.Add(sdk ? 7UL : 100UL + (ulong)rng.Next(100), elicits: sdk && rng.NextDouble() < 0.6, capability: sdk || rng.NextDouble() < 0.2);
            }

            var lead = slices.Heavy(4_000, 0.1, 50).OrderByDescending(c => c.CapabilityShare).ToArray();
            return lead.Length >= 1
                && lead[0].Share is > 0.2 and < 0.25 + (1.0 / 7)
                && lead[0].CapabilityShare == 1
                && Math.Abs(lead[0].ElicitationShare - 0.6) < 0.1;
        }, iter: 50);
    }

    [Fact]
    public void AnAccountOfFewClientsKeepsNoSlices()
    {
        var person = Some.State("p", Enumerable.Range(0, 30).Select(i => Some.Exchange("p", $"question {i}", i) with { UserAgent = i % 3 == 0 ? "app/1" : "browser/2" }));
        Assert.Null(person.Slices);
        var proxy = Some.State("r", Enumerable.Range(0, 30).Select(i => Some.Exchange("r", $"question {i}", i) with { UserAgent = $"client/{i % 12}" }));
        Assert.NotNull(proxy.Slices);
        Assert.True(proxy.StateBytes > person.StateBytes);
    }

    [Fact]
    public void MergedPartsReadLikeTheWhole()
    {
        var exchanges = Enumerable.Range(0, 600)
            .Select(i => Some.Exchange("r", i % 3 == 0 ? $"Explain step by step how you arrived at the answer: solve {i}x + 3 = 9" : $"hello number {i}", i) with
            {
                UserAgent = i % 3 == 0 ? "harvest-sdk/1.0" : $"customer-app/{i % 40}",
            })
            .ToArray();
        var whole = AccountFeatureExtractor.Extract(Some.State("r", exchanges));
        var a = Some.State("r", exchanges.Take(300));
        a.Merge(Some.State("r", exchanges.Skip(300)));
        var merged = AccountFeatureExtractor.Extract(a);
        Assert.Equal(whole.LeadClientShare, merged.LeadClientShare, 2);
        Assert.Equal(whole.LeadClientElicitationShare, merged.LeadClientElicitationShare, 2);
        Assert.Equal(whole.LeadClientCapabilityShare, merged.LeadClientCapabilityShare, 2);
        Assert.InRange(whole.LeadClientShare, 0.32, 0.34 + (1.0 / 7));
        Assert.True(whole.LeadClientElicitationShare > whole.ReasoningElicitationShare * 2);
    }

    [Fact]
    public void AResellersHeavyClientThatSweepsRaisesTheContentSignalsAndIsNamedWhileAPersonIsReadWhole()
    {
        var reseller = ScoringTests.Features.Single() with
        {
            DistinctClients = 60,
            ReasoningElicitationShare = 0.1,
            HarvestCapabilityShare = 0.3,
            LeadClientShare = 0.3,
            LeadClientElicitationShare = 0.6,
            LeadClientCapabilityShare = 1,
        };
        var byClient = HarvestScorer.Score(reseller, ScoringParameters.Default);
        var whole = HarvestScorer.Score(reseller with { LeadClientShare = 0 }, ScoringParameters.Default);
        Assert.True(byClient.LogOdds > whole.LogOdds + 1);
        var elicitation = Assert.Single(byClient.Reasons, r => r.Signal == SignalNames.ReasoningElicitation);
        Assert.Contains("one client that sends 30 % of the account's traffic opens a new harvest-capability task asking for the reasoning in 60 % of its requests", elicitation.Evidence, StringComparison.Ordinal);

        // An app that many people use through the reseller carries whatever they ask: read whole.
        var app = reseller with { LeadClientCapabilityShare = HarvestSignals.MinSweepingShare - 0.01 };
        Assert.Equal(whole.LogOdds, HarvestScorer.Score(app, ScoringParameters.Default).LogOdds, 9);

        // One person with a few clients: the account is read whole, whatever its heaviest client asks.
        var person = reseller with { DistinctClients = 3 };
        Assert.Equal(whole.LogOdds, HarvestScorer.Score(person, ScoringParameters.Default).LogOdds, 9);
    }
}
