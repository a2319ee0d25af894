using Xunit;
using CsCheck;
using DistillGuard.Core.Detection.Stages.TemplateFamilies;
using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Tests;

/// <summary>Template families: rare frames shared across accounts, and the sign-up waves that make them groups without identity.</summary>
public sealed class TemplateFamilyTests
{
    private static readonly string[] OperatorOpenings = ["Item from the practice set follows now.", "Another one from the list for you.", "Here comes the next practice item."];
    private static readonly string[] OperatorClosings = ["Narrate all of your reasoning before answering.", "Write out each inference, then the answer."];
    private static readonly string[] OtherOpenings = ["Quick question from our drill sheet here.", "Next drill sheet question coming up."];
    private static readonly string[] OtherClosings = ["Spell out every step then the result please.", "Narrate all of your reasoning before answering."];

    [Fact]
    public void AccountsSharingNoIdentityButOneRareFrameSetAndOneSignupWaveBecomeOneGroup()
    {
        var swarm = Enumerable.Range(0, 8).Select(i => Framed($"acct_s{i}", OperatorOpenings, OperatorClosings, createdDaysAgo: 0.1 * i, seed: i)).ToList();
        var people = Enumerable.Range(0, 20).Select(i => Person($"acct_p{i}", i)).ToList();

        var (families, clusters) = Run([.. swarm, .. people]);

        var family = Assert.Single(families);
        Assert.Equal(8, family.Accounts.Count);
        Assert.Equal(8, family.InWave);
        var cluster = Assert.Single(clusters);
        Assert.Equal(swarm.Select(s => s.State.AccountId).Order(), cluster.Accounts);
        Assert.Equal(8, cluster.LinkedSize);
        Assert.Contains("no shared identity is needed", cluster.Evidence[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameFramesUsedByAccountsCreatedOverYearsMakeNoGroup()
    {
        // The users of one public harness: one frame set, but signed up at their own times.
        var users = Enumerable.Range(0, 8).Select(i => Framed($"acct_u{i}", OperatorOpenings, OperatorClosings, createdDaysAgo: 90 * i, seed: i)).ToList();

        var (families, clusters) = Run(users);

        Assert.Single(families);
        Assert.Empty(clusters);
    }

    [Fact]
    public void AFrameThatOrdinaryAccountsUseTooMarksNoFamily()
    {
        var harvesters = Enumerable.Range(0, 4).Select(i => Framed($"acct_h{i}", OperatorOpenings, OperatorClosings, createdDaysAgo: 0.1 * i, seed: i)).ToList();
        var ordinary = Enumerable.Range(0, 12).Select(i => Framed($"acct_o{i}", OperatorOpenings, OperatorClosings, createdDaysAgo: 0.1 * i, seed: i, probability: 0.001)).ToList();

        var (families, clusters) = Run([.. harvesters, .. ordinary]);

        Assert.Empty(families);
        Assert.Empty(clusters);
    }

    [Fact]
    public void TwoOperatorsWhoShareOnePhrasingButNotTheirFrameSetsOrWavesStayApart()
    {
        var first = Enumerable.Range(0, 8).Select(i => Framed($"acct_a{i}", OperatorOpenings, OperatorClosings, createdDaysAgo: 0.1 * i, seed: i)).ToList();
        var second = Enumerable.Range(0, 8).Select(i => Framed($"acct_b{i}", OtherOpenings, OtherClosings, createdDaysAgo: 30 + (0.1 * i), seed: i)).ToList();

        var (_, clusters) = Run([.. first, .. second]);

        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c => Assert.Single(c.Accounts.Select(a => a.Value[5]).Distinct()));
    }

    [Fact]
    public void AccountsThatIdentityLinkedStayInTheirClusterAndTheRestOfTheWaveIsAGroup()
    {
        var swarm = Enumerable.Range(0, 6).Select(i => Framed($"acct_s{i}", OperatorOpenings, OperatorClosings, createdDaysAgo: 0.1 * i, seed: i)).ToList();
        var linked = Cluster("acct_s0", "acct_s1", "acct_x0");
        var families = TemplateFamilyStage.Find(swarm, 0.03, TemplateFamilyOptions.Default);

        var clusters = TemplateFamilyStage.Link([linked], families, Created(swarm), TemplateFamilyOptions.Default);

        Assert.Contains(linked, clusters);
        var group = Assert.Single(clusters, c => c != linked);
        Assert.Equal(["acct_s2", "acct_s3", "acct_s4", "acct_s5"], group.Accounts.Select(a => a.Value));
    }

    [Fact]
    public void AWaveIsACoincidenceOnlyWhileItIsLikelyForIndependentAccounts()
    {
        Assert.InRange(TemplateFamilyStage.WaveChance(3, 3, 1.0 / 7), 0.002, 0.004);
        Assert.True(TemplateFamilyStage.WaveChance(8, 8, 1.0 / 7) < TemplateFamilyOptions.Default.MaxWaveChance);
        Assert.Equal(1, TemplateFamilyStage.WaveChance(5, 0, 0.3));
        Gen.Select(Gen.Int[1, 60], Gen.Double[0.01, 0.99]).Sample((n, p) =>
        {
            var previous = 1.0;
            for (var k = 0; k <= n; k++)
            {
                var chance = TemplateFamilyStage.WaveChance(n, k, p);
                Assert.InRange(chance, 0, previous + 1e-9);
                previous = chance;
            }
        });
    }

    [Fact]
    public void TheDensestWindowHoldsTheMostTimesThatFitInOneWidth() =>
        Gen.Long[0, 1000].Array[1, 40].Sample(times =>
        {
            Array.Sort(times);
            var (count, start) = TemplateFamilyStage.DensestWindow(times, 100);
            Assert.Equal(count, times.Count(t => t >= start && t <= start + 100));
            Assert.All(times, t => Assert.True(times.Count(u => u >= t && u <= t + 100) <= count));
        });

    private static (IReadOnlyList<TemplateFamily> Families, IReadOnlyList<LinkedCluster> Clusters) Run(List<LinkCandidate> candidates)
    {
        var families = TemplateFamilyStage.Find(candidates, 0.03, TemplateFamilyOptions.Default);
        return (families, TemplateFamilyStage.Link([], families, Created(candidates), TemplateFamilyOptions.Default));
    }

    /// <summary>The harvest-like accounts' creation times, with a background of forty harvest-like accounts that signed up over two years.</summary>
    private static Dictionary<AccountId, DateTimeOffset> Created(List<LinkCandidate> candidates)
    {
        var created = candidates.Where(c => c.HarvestProbability >= 0.03 && c.State.CreatedTicks != long.MaxValue)
            .ToDictionary(c => c.State.AccountId, c => new DateTimeOffset(c.State.CreatedTicks, TimeSpan.Zero));
        for (var i = 0; i < 40; i++)
        {
            created[new AccountId($"acct_bg{i}")] = Some.Start.AddDays(-18 * i);
        }

        return created;
    }

    /// <summary>An account that sends eight single-turn items, each in one of the given openings and closings.</summary>
    private static LinkCandidate Framed(string account, string[] openings, string[] closings, double createdDaysAgo, int seed, double probability = 0.5)
    {
        var exchanges = Enumerable.Range(0, 8).Select(k => Some.Exchange(account,
            $"{openings[(k + seed) % openings.Length]}\n\nItem {seed}-{k}: a train leaves {k + 3} stations at {seed + 7} o'clock; how far has it gone when the {k}th stop passes?\n\n{closings[(k + seed) % closings.Length]}",
            minute: (seed * 10) + k) with
        {
            AccountCreatedAt = Some.Start.AddDays(-createdDaysAgo),
            TurnIndex = 0,
        });
        return new LinkCandidate(Some.State(account, exchanges), probability);
    }

    private static LinkCandidate Person(string account, int seed) => new(Some.State(account, Enumerable.Range(0, 5).Select(k =>
        Some.Exchange(account, $"what should I cook tonight with {seed} eggs and {k} potatoes, something quick please", minute: k) with
        {
            AccountCreatedAt = Some.Start.AddDays(-300 - seed),
        })), 0.01);

    private static LinkedCluster Cluster(params string[] accounts)
    {
        var ids = accounts.Select(a => new AccountId(a)).Order().ToArray();
        return new LinkedCluster(ids, ids.ToDictionary(a => a, _ => 1.0), ["shared payment instrument"], ids.Length);
    }
}
