using CsCheck;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>
/// Wording joins an operator's identity-linked clusters when they repeat its own rare phrases; wording that every
/// operator of a style repeats joins no one, and operators worded apart are never joined by behaviour either.
/// </summary>
public class WordingMergeTests
{
    // Three operators of one style: each repeats a generic paraphrase grammar's phrases (1-3) and its own house phrases.
    private static readonly uint[] Generic = [1, 2, 3];

    private static uint[] House(int op) => [(uint)(100 * op) + 1, (uint)(100 * op) + 2, (uint)(100 * op) + 3, (uint)(100 * op) + 4];

    /// <summary>A card-linked cluster of one operator: its members repeat the generic phrases and, each, three of the operator's four.</summary>
    private static (LinkedCluster Cluster, PhraseHolder[] Holders) Fragment(int op, string card, int size)
    {
        var ids = Enumerable.Range(0, size).Select(i => new AccountId($"op{op}-{card}-{i:D2}")).ToArray();
        var holders = ids.Select((id, i) => new PhraseHolder(id, [.. Generic, .. House(op).Where((_, k) => k != i % 4)], Candidate: true, Mixed: false)).ToArray();
        var cluster = new LinkedCluster(ids, ids.ToDictionary(id => id, _ => 1.0), [$"{size} accounts share card {card}"], size);
        return (cluster, holders);
    }

    private static (LinkedCluster[] Clusters, Wording Wording) Population(params (int Op, string Card, int Size)[] fragments)
    {
        var parts = fragments.Select(f => Fragment(f.Op, f.Card, f.Size)).ToArray();
        // Ordinary accounts repeat their own phrases, and one of them repeats phrase 4000 (an everyday phrase).
        PhraseHolder[] ordinary = [new(new AccountId("person-1"), [4000, 4001], false, false), new(new AccountId("person-2"), [4002], false, false)];
        var phrases = PhraseSets.Build([.. parts.SelectMany(p => p.Holders), .. ordinary], [], new PhrasePullInOptions());
        return ([.. parts.Select(p => p.Cluster)], new Wording(phrases, new WordingMergeOptions()));
    }

    private static string[] Operators(LinkedCluster cluster) => [.. cluster.Accounts.Select(a => a.Value[..3]).Distinct().Order()];

    [Fact]
    public void AnOperatorsCardClustersJoinOnItsOwnWordingAndOtherOperatorsOfTheStyleStayApart()
    {
        var (clusters, wording) = Population((1, "a", 12), (1, "b", 9), (1, "c", 6), (2, "d", 10), (2, "e", 7), (3, "f", 8));
        var merged = WordingMerge.Merge(clusters, wording);
        Assert.Equal(3, merged.Count);
        Assert.All(merged, c => Assert.Single(Operators(c)));
        var first = Assert.Single(merged, c => Operators(c)[0] == "op1");
        Assert.Equal(27, first.Accounts.Count);
        Assert.Equal(12, first.LargestLinkedGroup);
        Assert.Contains(first.Evidence, e => e.Contains("3 separately linked groups", StringComparison.Ordinal) && e.Contains("wrapper wording", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOperatorsFourGroupsAlikeEachToEachBecomeOneNotTwoPairs()
    {
        // Four card groups of one operator: a and b also repeat one phrase of their own, c and d another, so each is
        // most like its partner. Attaching each to its nearest only would leave two pairs.
        static PhraseHolder[] Group(string name, int size, params uint[] phrases) =>
            [.. Enumerable.Range(0, size).Select(i => new PhraseHolder(new AccountId($"{name}{i:D2}"), phrases, true, false))];
        PhraseHolder[][] groups =
        [
            Group("op1-a", 7, 101, 102, 103, 104, 150), Group("op1-b", 15, 101, 102, 103, 104, 150),
            Group("op1-c", 7, 101, 102, 103, 104, 160), Group("op1-d", 9, 101, 102, 103, 104, 160), Group("op2-e", 100, 201, 202, 203),
        ];
        var wording = new Wording(PhraseSets.Build([.. groups.SelectMany(g => g)], [], new PhrasePullInOptions()), new WordingMergeOptions());
        LinkedCluster[] clusters = [.. groups.Select(g => new LinkedCluster([.. g.Select(h => h.AccountId)], g.ToDictionary(h => h.AccountId, _ => 1.0), ["card"], g.Length))];
        var vectors = clusters.Select(c => wording.Of(c.Accounts)).ToArray();
        var nearest = Enumerable.Range(0, 4).Select(i => Enumerable.Range(0, 4).Where(j => j != i).MaxBy(j => Wording.Similarity(vectors[i], vectors[j]))).ToArray();
        Assert.Equal([1, 0, 3, 2], nearest);
        Assert.True(wording.Similar(vectors[0], vectors[2]));

        var merged = WordingMerge.Merge(clusters, wording);
        Assert.Equal(2, merged.Count);
        Assert.Equal(38, Assert.Single(merged, c => Operators(c)[0] == "op1").Accounts.Count);
    }

    [Fact]
    public void WordingEveryHarvesterRepeatsJoinsNoOne()
    {
        // Each operator's clusters repeat only the generic grammar: its phrases are in every harvest-like account, so weigh nothing.
        var ids = Enumerable.Range(0, 3).Select(c => Enumerable.Range(0, 4).Select(i => new AccountId($"g{c}-{i}")).ToArray()).ToArray();
        var phrases = PhraseSets.Build([.. ids.SelectMany(g => g).Select(id => new PhraseHolder(id, Generic, true, false))], [], new PhrasePullInOptions());
        var wording = new Wording(phrases, new WordingMergeOptions());
        LinkedCluster[] clusters = [.. ids.Select(g => new LinkedCluster(g, g.ToDictionary(a => a, _ => 1.0), ["card"], g.Length))];
        Assert.Equal(3, WordingMerge.Merge(clusters, wording).Count);
        Assert.False(wording.Of(clusters[0].Accounts).Speaks);
    }

    [Fact]
    public void GroupsThatShareOnePhraseAreNotJoinedHoweverSimilarTheirWording()
    {
        // Two operators whose groups both repeat phrase 9 (a grammar the third operator does not use), each with a
        // phrase of its own in one member: cosine 0.5, but on one phrase only.
        static PhraseHolder[] Group(string name, uint[] all, uint? first) =>
            [.. Enumerable.Range(0, 4).Select(i => new PhraseHolder(new AccountId($"{name}{i}"), i == 0 && first is { } f ? [.. all, f] : all, true, false))];
        PhraseHolder[][] groups = [Group("a", [9], 101), Group("b", [9], 201), Group("c", [301, 302], null), Group("d", [301, 302], null)];
        var wording = new Wording(PhraseSets.Build([.. groups.SelectMany(g => g)], [], new PhrasePullInOptions()), new WordingMergeOptions());
        LinkedCluster[] clusters = [.. groups.Select(g => new LinkedCluster([.. g.Select(h => h.AccountId)], g.ToDictionary(h => h.AccountId, _ => 1.0), ["card"], g.Length))];
        var vectors = clusters.Select(c => wording.Of(c.Accounts)).ToArray();

        Assert.InRange(Wording.Similarity(vectors[0], vectors[1]), 0.45, 0.55);
        Assert.False(wording.Similar(vectors[0], vectors[1]));
        // Nor are they told apart: one phrase in common neither joins nor separates.
        Assert.False(wording.Apart(vectors[0], vectors[1]));
        Assert.Equal(3, WordingMerge.Merge(clusters, wording).Count);
    }

    [Fact]
    public void AGroupThatRepeatsOnePhraseIsNeverToldApart()
    {
        static PhraseHolder[] Group(string name, uint[] phrases) =>
            [.. Enumerable.Range(0, 4).Select(i => new PhraseHolder(new AccountId($"{name}{i}"), phrases, true, false))];
        PhraseHolder[][] groups = [Group("a", [101, 102, 103]), Group("b", [201]), Group("c", [301, 302])];
        var wording = new Wording(PhraseSets.Build([.. groups.SelectMany(g => g)], [], new PhrasePullInOptions()), new WordingMergeOptions());
        var vectors = groups.Select(g => wording.Of([.. g.Select(h => h.AccountId)])).ToArray();

        Assert.All(vectors, v => Assert.True(v.Speaks));
        Assert.Equal(0, Wording.Similarity(vectors[0], vectors[1]));
        Assert.False(wording.Apart(vectors[0], vectors[1]));
        Assert.True(wording.Apart(vectors[0], vectors[2]));
    }

    [Fact]
    public void AGroupWithOnePhraseBearingMemberHasNoWording()
    {
        var (clusters, wording) = Population((1, "a", 12), (1, "b", 1));
        Assert.False(wording.Of(clusters[1].Accounts).Speaks);
        Assert.Equal(2, WordingMerge.Merge(clusters, wording).Count);
    }

    [Fact]
    public void BehaviourNeverJoinsAFragmentToAClusterWordedApart()
    {
        var (clusters, wording) = Population((1, "a", 12), (2, "b", 3));
        var vectors = clusters.Select(c => wording.Of(c.Accounts)).ToArray();
        Assert.True(wording.Apart(vectors[0], vectors[1]));
        // Both driven identically: without wording the fragment joins the larger cluster.
        var profiles = clusters.SelectMany(c => c.Accounts).ToDictionary(a => a, _ => Enumerable.Repeat(0.5, BehaviourProfile.Dimensions).ToArray());
        Assert.Single(BehaviourMerge.Merge(clusters, profiles, 2.0, 0.08, 5));
        Assert.Equal(2, BehaviourMerge.Merge(clusters, profiles, 2.0, 0.08, 5, (i, j) => wording.Apart(vectors[i], vectors[j])).Count);
    }

    [Fact]
    public void TheGroupsDoNotDependOnTheOrderOfTheClusters()
    {
        var (clusters, wording) = Population((1, "a", 12), (2, "d", 10), (1, "b", 9), (3, "f", 8), (2, "e", 7), (1, "c", 6), (3, "g", 2));
        var expected = Canonical(WordingMerge.Merge(clusters, wording));
        Gen.Shuffle(clusters).Sample(shuffled => Canonical(WordingMerge.Merge(shuffled, wording)) == expected);
    }

    private static string Canonical(IEnumerable<LinkedCluster> clusters) =>
        string.Join(" | ", clusters.Select(c => string.Join(',', c.Accounts.Select(a => a.Value).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
}
