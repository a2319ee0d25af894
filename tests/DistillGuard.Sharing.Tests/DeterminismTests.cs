using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void TheSameInputGivesIdenticalBytes()
    {
        var first = Bundles.Export(Bundles.ThreeCampaigns());
        var second = Bundles.Export(Bundles.ThreeCampaigns());

        Assert.Equal(first, second);
    }

    [Fact]
    public void TheOrderOfTheCampaignsDoesNotChangeTheBytes()
    {
        var campaigns = Bundles.ThreeCampaigns();
        var reversed = Enumerable.Reverse(campaigns).ToList();

        Assert.Equal(Bundles.Export(campaigns), Bundles.Export(reversed));
    }

    [Fact]
    public void ALaterLastSeenKeepsEveryIdAndMovesModifiedForward()
    {
        var campaigns = Bundles.ThreeCampaigns();
        var before = Bundles.Export(campaigns.Take(1).ToList());
        var (summary, indicators) = campaigns[0];
        var later = summary with { LastSeen = summary.LastSeen.AddDays(3) };
        var after = Bundles.Export([(later, indicators)]);

        var idsBefore = Bundles.Objects(before).Select(o => o.GetProperty("id").GetString()).ToList();
        var idsAfter = Bundles.Objects(after).Select(o => o.GetProperty("id").GetString()).ToList();
        Assert.Equal(idsBefore, idsAfter);

        var campaignBefore = Bundles.OfType(before, "campaign").Single();
        var campaignAfter = Bundles.OfType(after, "campaign").Single();
        Assert.Equal(campaignBefore.GetProperty("created").GetString(), campaignAfter.GetProperty("created").GetString());
        Assert.True(string.CompareOrdinal(campaignAfter.GetProperty("modified").GetString(), campaignBefore.GetProperty("modified").GetString()) > 0);
    }

    [Fact]
    public void CreatedIsNeverAfterModified()
    {
        foreach (var o in Bundles.Objects(Bundles.Export(Bundles.ThreeCampaigns())))
        {
            if (o.TryGetProperty("modified", out var modified))
            {
                Assert.True(string.CompareOrdinal(o.GetProperty("created").GetString(), modified.GetString()) <= 0);
            }
        }
    }

    [Fact]
    public void Uuid5MatchesTheRfc4122ReferenceValue()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal("886313e1-3b8a-5372-9b90-0c9aee199e5d", Uuid5.Create(dns, "python.org"));
    }

    [Fact]
    public void AnotherProducerGetsOtherIdsForTheSameCampaign()
    {
        var campaigns = Bundles.ThreeCampaigns().Take(1).ToList();
        var a = Bundles.OfType(StixExporter.Export(Some.ProviderA, campaigns, Some.Key(1), Tlp.Amber), "campaign").Single();
        var b = Bundles.OfType(StixExporter.Export(Some.ProviderB, campaigns, Some.Key(1), Tlp.Amber), "campaign").Single();

        Assert.NotEqual(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
    }
}
