using DistillGuard.Core.Model;
using DistillGuard.Core.Sharing;
using DistillGuard.Sharing.Matching;
using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Tests;

/// <summary>
/// Provider A exports a campaign; provider B holds the same operator's accounts (paraphrased, re-padded
/// wrappers, other IPs and payments) among organic users, and matches A's bundle.
/// </summary>
public sealed class TwoProvidersTests
{
    private const int OperatorAccounts = 40;
    private const int OrganicAccounts = 50;

    private sealed record Scenario(string Bundle, List<AccountIndicators> Local, HashSet<AccountId> Operator);

    private static Scenario Build(int seed)
    {
        var r = new Random(seed);
        var campaign = Some.Campaign(r, "campaign-a-17", accounts: 25);
        var bundle = StixExporter.Export(Some.ProviderA, [campaign], Some.Key(1), Tlp.Amber);

        var local = new List<AccountIndicators>();
        var operatorIds = new HashSet<AccountId>();
        for (var i = 0; i < OperatorAccounts; i++)
        {
            var id = Some.Account(r, "b-op");
            operatorIds.Add(id);
            var samples = Enumerable.Range(0, 4).Select(_ => Some.Paraphrase(r, Some.Wrappers[r.Next(Some.Wrappers.Count)])).ToList();
            local.Add(new AccountIndicators(id, [Some.Ipv4(r)], [], [r.Next(1000, 65000)], [Some.Payment(r)],
                [Some.EmailDomain(r)], [Some.UserAgent(r)], samples));
        }

        for (var i = 0; i < OrganicAccounts; i++)
        {
            local.Add(Organic(r));
        }

        return new Scenario(bundle, local, operatorIds);
    }

    private static AccountIndicators Organic(Random r) => new(
        Some.Account(r, "b-user"), [Some.Ipv4(r), Some.Ipv6(r)], [], [r.Next(1000, 65000)], [Some.Payment(r)],
        ["gmail.example"], ["Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"],
        Enumerable.Range(0, 4).Select(_ => Some.OrganicPrompt(r)).ToList());

    [Theory]
    [InlineData(101)]
    [InlineData(202)]
    [InlineData(303)]
    public void ParaphrasedWrappersAreFoundWithHighPrecisionAndRecall(int seed)
    {
        var scenario = Build(seed);

        var matches = StixMatcher.Match(scenario.Bundle, Some.Key(1), scenario.Local);

        var matched = matches.Select(m => m.AccountId).ToHashSet();
        var truePositives = matched.Count(scenario.Operator.Contains);
        var precision = matched.Count == 0 ? 0 : (double)truePositives / matched.Count;
        var recall = (double)truePositives / scenario.Operator.Count;
        Assert.True(precision >= 0.95, $"precision {precision:F3}");
        Assert.True(recall >= 0.8, $"recall {recall:F3}");
        Assert.DoesNotContain(matched, a => !scenario.Operator.Contains(a));
        Assert.All(matches, m => Assert.Contains("template", m.Indicators));
    }

    [Fact]
    public void WithAnotherKeyNothingMatches()
    {
        var scenario = Build(101);

        Assert.Empty(StixMatcher.Match(scenario.Bundle, Some.Key(2), scenario.Local));
    }

    [Fact]
    public void ASharedPaymentFingerprintAloneIsEnough()
    {
        var r = new Random(5);
        var campaign = Some.Campaign(r, "campaign-a-18");
        var bundle = StixExporter.Export(Some.ProviderA, [campaign], Some.Key(1), Tlp.Green);
        var account = Organic(r) with { PaymentFingerprints = [" " + campaign.Indicators.PaymentFingerprints[1] + " "] };

        var match = Assert.Single(StixMatcher.Match(bundle, Some.Key(1), [account]));

        Assert.Equal(["payment"], match.Indicators);
        Assert.Equal(0.9, match.Score, 6);
        var campaignId = Bundles.OfType(bundle, "campaign").Single().GetProperty("id").GetString();
        Assert.Equal(campaignId, match.PeerCampaignId);
    }

    [Fact]
    public void WeakSignalsTogetherStayBelowTheDefaultThreshold()
    {
        var r = new Random(6);
        var campaign = Some.Campaign(r, "campaign-a-19");
        var bundle = StixExporter.Export(Some.ProviderA, [campaign], Some.Key(1), Tlp.Green);
        var m = campaign.Indicators;
        var account = Organic(r) with { Networks = [m.Networks[0]], Asns = [m.Asns[0]], UserAgents = [m.UserAgents[0]], EmailDomains = [m.EmailDomains[0]] };

        Assert.Empty(StixMatcher.Match(bundle, Some.Key(1), [account]));
        Assert.Single(StixMatcher.Match(bundle, Some.Key(1), [account], new MatchOptions { Threshold = 0.3 }));
    }
}
