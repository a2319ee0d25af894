using System.Text.Json;
using DistillGuard.Core.Model;
using DistillGuard.Sharing.Matching;
using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Tests;

public sealed class SightingAndCsvTests
{
    [Fact]
    public void TheCsvHasTheContractHeaderAndSemicolonJoinedKinds()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dg-matches-{Guid.NewGuid():N}.csv");
        try
        {
            MatchesCsv.Write(path, [new AccountMatch(new AccountId("acct,1"), "campaign--x", 0.98, ["payment", "template"])]);
            var lines = File.ReadAllLines(path);

            Assert.Equal("account_id,peer_campaign_id,score,indicators", lines[0]);
            Assert.Equal("\"acct,1\",campaign--x,0.98,payment;template", lines[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AFormulaLeadingAccountIdIsNeutralisedInMatchesCsvAndTheScoreStaysANumber()
    {
        var text = MatchesCsv.Format([new AccountMatch(new AccountId("=HYPERLINK(\"http://x\")"), "campaign--x", 0.5, ["@payment"])]);

        Assert.Equal("account_id,peer_campaign_id,score,indicators\n\"'=HYPERLINK(\"\"http://x\"\")\",campaign--x,0.5,\"'@payment\"\n", text);
    }

    [Fact]
    public void SightingsReferToThePeersIndicatorsAndValidate()
    {
        var r = new Random(8);
        var campaign = Some.Campaign(r, "campaign-a-20");
        var peerBundle = StixExporter.Export(Some.ProviderA, [campaign], Some.Key(1), Tlp.Green);
        var campaignId = Bundles.OfType(peerBundle, "campaign").Single().GetProperty("id").GetString()!;
        var matches = new List<AccountMatch>
        {
            new(new AccountId("b-1"), campaignId, 0.9, ["payment"]),
            new(new AccountId("b-2"), campaignId, 0.95, ["payment", "template"]),
        };

        var sightings = SightingWriter.Build(Some.ProviderB, matches, peerBundle, Some.Start, Some.Start.AddDays(2));

        using var document = JsonDocument.Parse(sightings);
        Assert.Empty(StixSchemas.Errors(document.RootElement, "common/bundle.json"));
        var peerIndicators = Bundles.OfType(peerBundle, "indicator").ToDictionary(
            i => i.GetProperty("id").GetString()!,
            i => i.GetProperty("extensions").GetProperty(FingerprintExtension.Id).GetProperty("fingerprint_kind").GetString());
        var written = Bundles.OfType(sightings, "sighting");
        Assert.Equal(2, written.Count);
        Assert.All(written, s =>
        {
            Assert.Empty(StixSchemas.Errors(s, "sros/sighting.json"));
            Assert.Contains(s.GetProperty("sighting_of_ref").GetString()!, peerIndicators.Keys);
            Assert.Equal(Some.ProviderB.StixId, s.GetProperty("where_sighted_refs")[0].GetString());
            Assert.Equal(TlpMarkings.Id(Tlp.Green), s.GetProperty("object_marking_refs")[0].GetString());
        });
        var payment = written.Single(s => peerIndicators[s.GetProperty("sighting_of_ref").GetString()!] == "payment");
        Assert.Equal(2, payment.GetProperty("count").GetInt32());
        Assert.DoesNotContain("b-1", sightings, StringComparison.Ordinal);
    }
}
