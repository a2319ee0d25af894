using System.Text.Json;
using DistillGuard.Simulation.Tests.Support;

namespace DistillGuard.Simulation.Tests;

/// <summary>Every marker campaigns show also appears among organic users (hard negatives).</summary>
public sealed class RealismTests(TinyLogFixture tiny) : IClassFixture<TinyLogFixture>
{
    private static readonly HashSet<long> HostingAsns = [16509, 15169, 8075, 14061, 24940, 16276, 63949, 20473, 31898, 9009, 60068];

    private IEnumerable<JsonElement> Organic => tiny.Log.Records.Where(r => !CampaignAccounts.Contains(Account(r)));

    private HashSet<string> CampaignAccounts =>
        tiny.Log.Labels.Where(l => l.Label == "campaign").Select(l => l.AccountId).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void OrganicUsersAlsoAskForStepByStepReasoning() =>
        Assert.Contains(Organic, r => r.GetProperty("prompt").GetString()!.Contains("step by step", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void OrganicUsersAlsoComeFromHostingNetworks() =>
        Assert.Contains(Organic, r => r.TryGetProperty("asn", out JsonElement a) && HostingAsns.Contains(a.GetInt64()));

    [Fact]
    public void OrganicAccountsAlsoSharePaymentInstruments()
    {
        var shared = Organic.Where(r => r.TryGetProperty("payment_fingerprint", out _))
            .GroupBy(r => r.GetProperty("payment_fingerprint").GetString())
            .Count(g => g.Select(Account).Distinct().Count() > 1);
        Assert.True(shared >= 1);
    }

    [Fact]
    public void OrganicAccountsAlsoShareOneAddress() =>
        Assert.Contains(Organic.GroupBy(r => r.GetProperty("client_ip").GetString()), g => g.Select(Account).Distinct().Count() >= 5);

    [Fact]
    public void SomeOrganicAccountsAreYoung()
    {
        DateTimeOffset start = new(2026, 4, 22, 0, 0, 0, TimeSpan.Zero);
        Assert.Contains(Organic, r => DateTimeOffset.Parse(r.GetProperty("account_created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > start.AddDays(-7));
    }

    [Fact]
    public void OrganisationsAlsoCreateSeveralAccountsWithinMinutes()
    {
        // An administrator onboarding a team: the burst of sign-ups that campaign operators make too.
        var bulk = Organic.Where(r => r.TryGetProperty("organization_id", out _))
            .GroupBy(r => r.GetProperty("organization_id").GetString())
            .Select(org => org.Select(r => (Account: Account(r), Created: Created(r))).Distinct().ToArray())
            .Where(accounts => accounts.Length >= 3 && accounts.Max(a => a.Created) - accounts.Min(a => a.Created) < TimeSpan.FromMinutes(10));
        Assert.NotEmpty(bulk);
    }

    [Fact]
    public void YoungCampaignAccountsAreCreatedInBatchesAndAgedOnesAreNot()
    {
        // Hydra-style and agentic operators run a sign-up script; low-and-slow operators buy accounts aged at random.
        var batched = CampaignBursts(tiny.Log.Labels.Where(l => l.Kind is "hydra" or "agentic"));
        Assert.True(batched.InBurst >= 0.5 * batched.Accounts, $"{batched.InBurst} of {batched.Accounts} young campaign accounts share a half hour of creation with two others");
        var aged = CampaignBursts(tiny.Log.Labels.Where(l => l.Kind == "low-and-slow"));
        Assert.True(aged.Accounts > 0);
        Assert.True(aged.InBurst <= 0.1 * aged.Accounts, $"{aged.InBurst} of {aged.Accounts} aged accounts in bursts");
    }

    /// <summary>How many of the labelled campaign accounts were created in a half hour with at least two others of their campaign.</summary>
    private (int Accounts, int InBurst) CampaignBursts(IEnumerable<LabelRow> labels)
    {
        var campaignOf = labels.ToDictionary(l => l.AccountId, l => l.CampaignId, StringComparer.Ordinal);
        var created = tiny.Log.Records.Where(r => campaignOf.ContainsKey(Account(r)))
            .Select(r => (Account: Account(r), Created: Created(r)))
            .Distinct()
            .ToArray();
        var inBurst = created
            .GroupBy(a => (campaignOf[a.Account], a.Created.UtcTicks / TimeSpan.FromMinutes(30).Ticks))
            .Where(g => g.Count() >= 3)
            .Sum(g => g.Count());
        return (created.Length, inBurst);
    }

    private static DateTimeOffset Created(JsonElement r) =>
        DateTimeOffset.Parse(r.GetProperty("account_created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void OrganicUsersAlsoDeclareToolsThinkAndSetHighCaps()
    {
        Assert.Contains(Organic, r => r.TryGetProperty("tools_declared", out JsonElement t) && t.GetInt32() > 0);
        Assert.Contains(Organic, r => r.TryGetProperty("reasoning_tokens", out _));
        Assert.Contains(Organic, r => r.TryGetProperty("max_tokens", out JsonElement m) && m.GetInt64() >= 16000);
        Assert.Contains(Organic, r => r.TryGetProperty("temperature", out JsonElement t) && t.GetDouble() == 0);
    }

    [Fact]
    public void CasualConversationsHaveFollowUpTurns() =>
        Assert.Contains(tiny.Log.RecordsOfKind("casual"), r => r.TryGetProperty("turn_index", out JsonElement t) && t.GetInt32() >= 2);

    private static string Account(JsonElement r) => r.GetProperty("account_id").GetString()!;
}
