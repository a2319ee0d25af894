using Xunit;
using CsCheck;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Tests;

/// <summary>Behavioural merging joins an operator's fragments, but a fragment never bridges two larger groups.</summary>
public class BehaviourMergeTests
{
    private static LinkedCluster Cluster(string prefix, int size) => new(
        [.. Enumerable.Range(0, size).Select(i => new AccountId($"{prefix}{i:D2}"))],
        Enumerable.Range(0, size).ToDictionary(i => new AccountId($"{prefix}{i:D2}"), _ => 1.0),
        [$"{size} accounts share a card"],
        size);

    private static Dictionary<AccountId, double[]> Profiles(params LinkedCluster[] clusters) =>
        clusters.SelectMany(c => c.Accounts).ToDictionary(a => a, a => Enumerable.Range(0, BehaviourProfile.Dimensions).Select(d => 0.5 + (0.01 * ((a.Value.Length + d) % 3))).ToArray());

    [Fact]
    public void AFragmentDrivenLikeTwoLargeGroupsJoinsOneOfThemAndTheyStayApart()
    {
        var large1 = Cluster("a", 10);
        var large2 = Cluster("b", 10);
        var fragment = Cluster("f", 2);
        var merged = BehaviourMerge.Merge([large1, large2, fragment], Profiles(large1, large2, fragment), 2.0, 0.08, 5);
        Assert.Equal(2, merged.Count);
        Assert.Single(merged, c => c.Accounts.Any(a => a.Value.StartsWith('f')));
        Assert.All(merged, c => Assert.False(c.Accounts.Any(a => a.Value.StartsWith('a')) && c.Accounts.Any(a => a.Value.StartsWith('b'))));
    }

    [Fact]
    public void FragmentsDrivenAlikeStillJoin()
    {
        var merged = BehaviourMerge.Merge([Cluster("f", 3), Cluster("g", 2), Cluster("h", 4)], Profiles(Cluster("f", 3), Cluster("g", 2), Cluster("h", 4)), 2.0, 0.08, 5);
        var one = Assert.Single(merged);
        Assert.Equal(9, one.Accounts.Count);
    }
}

/// <summary>Which accounts' behaviour says who drives them.</summary>
public class ComparableProfileTests
{
    [Fact]
    public void AccountsThatFrontManyClientsOrHaveLittleTrafficHaveNoComparableProfile() =>
        ScoringTests.Features.Sample(f =>
        {
            var person = f with { AccountId = new AccountId("person"), Exchanges = BehaviourProfile.MinExchanges, DistinctClients = 2 };
            var proxy = person with { AccountId = new AccountId("proxy"), DistinctClients = Scoring.MixedTraffic.MinClients };
            var quiet = person with { AccountId = new AccountId("quiet"), Exchanges = BehaviourProfile.MinExchanges - 1 };
            var comparable = BehaviourProfile.Comparable([person, proxy, quiet]);
            return comparable.Keys.Single() == person.AccountId && comparable[person.AccountId].SequenceEqual(BehaviourProfile.Of(person));
        });
}
