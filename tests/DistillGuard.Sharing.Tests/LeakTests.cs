using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Tests;

public sealed class LeakTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void NoRawIndicatorMaterialAppearsAnywhereInTheBundle(int seed)
    {
        var campaigns = Bundles.ThreeCampaigns(seed);
        var bundle = StixExporter.Export(Some.ProviderA, campaigns, Some.Key(seed), Tlp.Green);

        var secrets = campaigns.SelectMany(c =>
                c.Indicators.ClientIps
                    .Concat(c.Indicators.Networks)
                    .Concat(c.Indicators.PaymentFingerprints)
                    .Concat(c.Indicators.EmailDomains)
                    .Concat(c.Indicators.UserAgents)
                    .Concat(c.Indicators.TemplateSamples)
                    .Concat(c.Summary.Accounts.Select(a => a.Value))
                    .Append(c.Summary.CampaignId.Value))
            .ToList();
        Assert.NotEmpty(secrets);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, bundle, StringComparison.OrdinalIgnoreCase);
        }

        // Long runs of template words would reveal the wrapper even without the whole text.
        foreach (var sample in campaigns.SelectMany(c => c.Indicators.TemplateSamples))
        {
            var words = sample.Split(' ');
            for (var i = 0; i + 4 <= words.Length; i++)
            {
                Assert.DoesNotContain(string.Join(' ', words, i, 4), bundle, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
