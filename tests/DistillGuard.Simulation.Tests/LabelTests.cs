using System.Text.Json;
using System.Text.RegularExpressions;
using DistillGuard.Simulation.Tests.Support;

namespace DistillGuard.Simulation.Tests;

public sealed partial class LabelTests(TinyLogFixture tiny) : IClassFixture<TinyLogFixture>
{
    private static readonly string[] Kinds = ["casual", "coder", "pipeline", "researcher", "hydra", "low-and-slow", "agentic"];

    [Fact]
    public void TheLabelsFileHasTheContractHeader() =>
        Assert.Equal("account_id,label,campaign_id,kind", tiny.Log.LabelHeader);

    [Fact]
    public void EveryAccountInTheLogHasExactlyOneLabel()
    {
        var logged = tiny.Log.Records.Select(r => r.GetProperty("account_id").GetString()!).ToHashSet(StringComparer.Ordinal);
        var labelled = tiny.Log.Labels.Select(l => l.AccountId).ToList();

        Assert.Equal(labelled.Count, labelled.Distinct(StringComparer.Ordinal).Count());
        Assert.True(logged.SetEquals(labelled));
        Assert.Equal(tiny.Log.Result.Accounts, labelled.Count);
    }

    [Fact]
    public void EveryPopulationKindIsPresent() =>
        Assert.All(Kinds, k => Assert.Contains(tiny.Log.Labels, l => l.Kind == k));

    [Fact]
    public void CampaignLabelsCarryACampaignIdAndOrganicOnesDoNot()
    {
        Assert.All(tiny.Log.Labels, l => Assert.True(l.Label is "organic" or "campaign"));
        Assert.All(tiny.Log.Labels.Where(l => l.Label == "campaign"), l => Assert.Matches(CampaignIdPattern(), l.CampaignId));
        Assert.All(tiny.Log.Labels.Where(l => l.Label == "organic"), l => Assert.Empty(l.CampaignId));
    }

    [Fact]
    public void TinyHasAtLeastTwoCampaignsOfEightAccounts() =>
        Assert.True(tiny.Log.Labels.Where(l => l.Label == "campaign").GroupBy(l => l.CampaignId).Count(g => g.Count() >= 8) >= 2);

    [Fact]
    public void AccountIdsOfCampaignsAndOrganicUsersLookAlike() =>
        Assert.All(tiny.Log.Labels, l => Assert.Matches(AccountIdPattern(), l.AccountId));

    [Fact]
    public void CampaignIdsNeverAppearInTheLog()
    {
        var campaigns = tiny.Log.Labels.Select(l => l.CampaignId).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(tiny.Log.Records, r => r.EnumerateObject()
            .Any(p => p.Value.ValueKind == JsonValueKind.String && campaigns.Contains(p.Value.GetString()!)));
    }

    [GeneratedRegex("^acct_[0-9a-f]{20}$")]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex("^camp-[0-9]+$")]
    private static partial Regex CampaignIdPattern();
}
