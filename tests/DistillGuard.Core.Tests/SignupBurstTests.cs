using Xunit;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Tests;

/// <summary>
/// Bursts of account creation: three or more candidates made in one half hour add to what else they share, as long
/// as ordinary sign-ups do not crowd that half hour. Like lockstep, a burst is timing: it never stands in for identity,
/// so it joins no one alone, nor with content alone.
/// </summary>
public class SignupBurstTests
{
    private static readonly DateTimeOffset Batch = new(2026, 4, 19, 2, 31, 0, TimeSpan.Zero);

    /// <summary>
    /// An account created <paramref name="minutesAfterBatch"/> after <see cref="Batch"/> that sends a few prompts in one wrapper,
    /// under one system prompt, when <paramref name="wrapped"/>; in words of its own otherwise.
    /// </summary>
    /// <param name="asn">When set, the account calls through this ASN with the operator's client (0.3 of identity).</param>
    private static LinkCandidate Account(string id, double minutesAfterBatch, bool wrapped = true, double probability = 0.9, int? asn = 64_500) =>
        new(Some.State(id, Enumerable.Range(0, 6).Select(t => Some.Exchange(
            id,
            wrapped ? $"Solve the following problem step by step and show your reasoning: item {id}-{t}" : $"note {t} from {id} about lunch plans and the weather",
            (t * 30) + id.Length) with
        {
            AccountCreatedAt = Batch.AddMinutes(minutesAfterBatch),
            SystemPrompt = wrapped ? "You are a meticulous solver." : null,
            Asn = asn,
            UserAgent = asn is null ? null : "harvest-sdk/1.0",
        })), probability);

    private static bool JoinedBy(LinkedCluster cluster, string words) => cluster.Evidence.Any(e => e.Contains(words, StringComparison.Ordinal));

    [Fact]
    public void ABurstCompletesAJoinThatIdentityStartedAndIsNamed()
    {
        // ASN with client (0.3, identity), one wrapper head (0.5) and system prompt (0.4) reach 1.2 with the burst (0.3).
        var options = new LinkerOptions { JoinStrength = 1.45 };
        var together = CampaignLinker.Link([Account("b1", 0), Account("b2", 3), Account("b3", 7)], options);
        var cluster = Assert.Single(together);
        Assert.Equal(3, cluster.Accounts.Count);
        Assert.True(JoinedBy(cluster, "burst of account creation"));

        var daysApart = CampaignLinker.Link([Account("b1", 0), Account("b2", 3 * 1440), Account("b3", 7 * 1440)], options);
        Assert.Empty(daysApart);
    }

    [Fact]
    public void ABurstWithSharedContentButNoIdentityJoinsNoOne()
    {
        // Two operators whose scripts ran in the same half hour, both using a public wrapper and system prompt.
        var result = CampaignLinker.Analyse([Account("b1", 0, asn: null), Account("b2", 3, asn: null), Account("b3", 7, asn: null)], new LinkerOptions());
        Assert.Empty(result.Clusters);
        Assert.Contains(result.Graph.EdgesOf(new AccountId("b1"), 50).Edges, e => e.Kind == LinkKind.SignupBurst);
    }

    [Fact]
    public void TwoAccountsCreatedInOneHalfHourAreNoBurst()
    {
        var result = CampaignLinker.Analyse([Account("b1", 0), Account("b2", 3)], new LinkerOptions());
        Assert.DoesNotContain(result.Graph.EdgesOf(new AccountId("b1"), 50).Edges, e => e.Kind == LinkKind.SignupBurst);
    }

    [Fact]
    public void AHalfHourCrowdedWithOrdinarySignUpsLinksNoOne()
    {
        // A launch-day wave: the three candidates are a minority of the accounts created in that half hour.
        var accounts = new List<LinkCandidate> { Account("b1", 0), Account("b2", 3), Account("b3", 7) };
        accounts.AddRange(Enumerable.Range(0, 4).Select(i => Account($"new{i}", 2 + (i * 5), wrapped: false, probability: 0.01)));
        var result = CampaignLinker.Analyse(accounts, new LinkerOptions());
        Assert.Empty(result.Clusters);
        Assert.DoesNotContain(result.Graph.EdgesOf(new AccountId("b1"), 50).Edges, e => e.Kind == LinkKind.SignupBurst);
    }

    [Fact]
    public void ABurstAloneJoinsNoOneButIsKeptAsEvidence()
    {
        var accounts = Enumerable.Range(0, 5).Select(i => Account($"solo{i}", i * 4, wrapped: false, asn: null)).ToList();
        var result = CampaignLinker.Analyse(accounts, new LinkerOptions());
        Assert.Empty(result.Clusters);
        var edges = result.Graph.EdgesOf(new AccountId("solo0"), 50).Edges.Where(e => e.Kind == LinkKind.SignupBurst).ToArray();
        Assert.Equal(4, edges.Length);
        Assert.All(edges, e => Assert.Equal(LinkKinds.SignupBucket(Batch.UtcTicks), e.Value));
        Assert.All(edges, e => Assert.Equal(new ValueRarity(5, 0, 0), e.Rarity));
    }

    [Fact]
    public void BucketsAreUtcHalfHoursAndShowTheirStart()
    {
        var bucket = LinkKinds.SignupBucket(Batch.UtcTicks);
        Assert.Equal(new DateTimeOffset(2026, 4, 19, 2, 30, 0, TimeSpan.Zero), LinkKinds.SignupBucketStart(bucket));
        Assert.Equal(bucket, LinkKinds.SignupBucket(Batch.AddMinutes(28).UtcTicks));
        Assert.NotEqual(bucket, LinkKinds.SignupBucket(Batch.AddMinutes(29).UtcTicks));
        Assert.Null(LinkKinds.SignupBucketStart(ulong.MaxValue));
    }
}
