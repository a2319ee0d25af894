using System.Text.Json;
using DistillGuard.Simulation.Tests.Support;

namespace DistillGuard.Simulation.Tests;

/// <summary>Each adversary scenario produces its adversary: paraphrased wrappers, cover traffic, harvest inside resellers.</summary>
public sealed class AdversaryScenarioTests(AdversaryLogFixture adversaries, TinyLogFixture tiny)
    : IClassFixture<AdversaryLogFixture>, IClassFixture<TinyLogFixture>
{
    private const int MinExchanges = 30;

    [Fact]
    public void TheAdversaryScenariosAreNamed() =>
        Assert.All(["paraphrase", "cover-traffic", "reseller-proxy", "tiny-adversaries"], name => Assert.Contains(name, Scenarios.Names));

    [Fact]
    public void EachNewStyleIsLabelledCampaignUnderAKindOfItsOwnAndResellersWithoutHarvestAreOrganic()
    {
        var kinds = adversaries.Log.Labels.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Select(l => l.Label).Distinct().Single());

        Assert.Equal("campaign", kinds["paraphrase"]);
        Assert.Equal("campaign", kinds["cover-traffic"]);
        Assert.Equal("campaign", kinds["reseller-proxy"]);
        Assert.Equal("organic", kinds["reseller"]);
    }

    [Fact]
    public void ParaphrasingOperatorsRarelyRepeatAWrapperWithinAnAccount()
    {
        var reuse = PerAccount(adversaries.Log, "paraphrase").Select(WrapperReuse.Of).ToList();

        Assert.NotEmpty(reuse);
        Assert.All(reuse, r => Assert.True(r <= 0.1, $"an account repeats one wrapper in {r:P0} of its prompts"));
    }

    [Fact]
    public void HydraOperatorsWithFixedWrappersRepeatThemWhichIsWhatParaphrasingRemoves()
    {
        var reuse = PerAccount(tiny.Log, "hydra").Select(WrapperReuse.Of).Order().ToList();

        Assert.True(reuse[reuse.Count / 2] >= 0.3, $"median hydra reuse {reuse[reuse.Count / 2]:P0}");
    }

    [Fact]
    public void CoverTrafficAccountsMixFortyToSixtyPercentOfOrdinaryConversationsIntoTheirHarvest()
    {
        var shares = PerAccount(adversaries.Log, "cover-traffic")
            .Select(prompts => prompts.Count(AdversaryLogFixture.IsOrganic) / (double)prompts.Count)
            .ToList();

        Assert.NotEmpty(shares);
        Assert.All(shares, s => Assert.InRange(s, 0.3, 0.7));
        Assert.InRange(shares.Average(), 0.4, 0.6);
    }

    [Fact]
    public void ResellerAccountsCarryHarvestSweepsAndTheirCustomersConversationsFromManyClients()
    {
        var accounts = Accounts(adversaries.Log, "reseller-proxy");

        Assert.NotEmpty(accounts);
        Assert.All(accounts, records =>
        {
            var prompts = records.Select(Prompt).ToList();
            Assert.True(DistinctUserAgents(records) >= 10, "a reseller account passes on many clients");
            Assert.True(records.Select(r => r.TryGetProperty("conversation_id", out JsonElement c) ? c.GetString() : null).Distinct().Count() >= 50);
            Assert.True(prompts.Count(AdversaryLogFixture.IsOrganic) >= 0.25 * prompts.Count, "customers' conversations");
            Assert.True(prompts.Count(p => p.Contains(AdversaryLogFixture.ExtractionMarker, StringComparison.Ordinal)) >= 0.2 * prompts.Count, "harvest sweeps");
        });
    }

    [Fact]
    public void ResellersWithoutAHarvesterAlsoFrontManyClientsSoTheMixAloneGivesNothingAway() =>
        Assert.All(Accounts(adversaries.Log, "reseller"), records => Assert.True(DistinctUserAgents(records) >= 10));

    private static List<List<JsonElement>> Accounts(SimulatedLog log, string kind) =>
        [.. log.RecordsOfKind(kind).GroupBy(r => r.GetProperty("account_id").GetString()).Where(g => g.Count() >= MinExchanges).Select(g => g.ToList())];

    private static IEnumerable<List<string>> PerAccount(SimulatedLog log, string kind) =>
        Accounts(log, kind).Select(records => records.Select(Prompt).Where(p => p.Length > 0).ToList());

    private static string Prompt(JsonElement r) => r.GetProperty("prompt").GetString()!;

    private static int DistinctUserAgents(List<JsonElement> records) =>
        records.Select(r => r.GetProperty("user_agent").GetString()).Distinct(StringComparer.Ordinal).Count();
}
