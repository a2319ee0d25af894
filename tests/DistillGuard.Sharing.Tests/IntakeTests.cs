using DistillGuard.Core.Sharing;
using DistillGuard.Sharing.Matching;
using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Tests;

public sealed class IntakeTests
{
    private static readonly IReadOnlyList<AccountIndicators> NoAccounts = [];

    private static string Valid(Tlp tlp = Tlp.Amber) => Bundles.Export(Bundles.ThreeCampaigns().Take(1).ToList(), tlp);

    [Theory]
    [InlineData("")]
    [InlineData("{\"type\": \"bundle\", \"objects\": [")]
    [InlineData("not json at all")]
    public void MalformedJsonIsRejected(string text)
    {
        var e = Assert.Throws<BundleRejectedException>(() => StixMatcher.Match(text, Some.Key(1), NoAccounts));
        Assert.Contains("JSON", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"type\": \"report\", \"id\": \"report--1\"}")]
    public void ADocumentThatIsNotABundleIsRejected(string text) =>
        Assert.Throws<BundleRejectedException>(() => StixMatcher.Match(text, Some.Key(1), NoAccounts));

    [Fact]
    public void ACampaignIdOutsideTheStixGrammarRefusesTheBundleSoItIsNeverCopiedIntoMatches()
    {
        var valid = Valid();
        var campaign = System.Text.RegularExpressions.Regex.Match(valid, "campaign--[0-9a-f-]{36}").Value;
        var bundle = valid.Replace(campaign, "campaign--=cmd|calc", StringComparison.Ordinal);

        var e = Assert.Throws<BundleRejectedException>(() => StixMatcher.Match(bundle, Some.Key(1), NoAccounts));
        Assert.Contains("STIX grammar", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("=cmd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObjectWithAnotherSpecVersionIsRejected()
    {
        var bundle = Valid().Replace("\"spec_version\": \"2.1\"", "\"spec_version\": \"2.0\"", StringComparison.Ordinal);

        var e = Assert.Throws<BundleRejectedException>(() => StixMatcher.Match(bundle, Some.Key(1), NoAccounts));
        Assert.Contains("spec_version", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMarkingOutsideTlp20IsRejected()
    {
        const string tlp1White = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
        var bundle = Valid().Replace(TlpMarkings.Id(Tlp.Amber), tlp1White, StringComparison.Ordinal);

        var e = Assert.Throws<BundleRejectedException>(() => StixMatcher.Match(bundle, Some.Key(1), NoAccounts));
        Assert.Contains("not a TLP 2.0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMarkingStricterThanAllowedIsRejected()
    {
        var e = Assert.Throws<BundleRejectedException>(() =>
            StixMatcher.Match(Valid(Tlp.Red), Some.Key(1), NoAccounts, new MatchOptions { MaxTlp = Tlp.Amber }));
        Assert.Contains("TLP:RED", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultOptionsRefuseTlpRed() =>
        Assert.Throws<BundleRejectedException>(() => StixMatcher.Match(Valid(Tlp.Red), Some.Key(1), NoAccounts));

    [Fact]
    public void AnOversizeBundleIsRejectedBeforeParsing()
    {
        var bundle = Valid();

        var e = Assert.Throws<BundleRejectedException>(() =>
            StixMatcher.Match(bundle, Some.Key(1), NoAccounts, new MatchOptions { MaxBundleBytes = bundle.Length / 2 }));
        Assert.Contains("over the limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidBundleWithinTheLimitsIsAccepted() =>
        Assert.Empty(StixMatcher.Match(Valid(Tlp.AmberStrict), Some.Key(1), NoAccounts));
}
