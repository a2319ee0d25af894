using CsCheck;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>The recurring-phrase sketch keeps a wrapper's wording and not its payloads, is bounded, and merges; pull-in attaches only on rare, campaign-specific wording.</summary>
public class RecurringPhrasesTests
{
    // A long wrapper, so that the hash-chosen eighth of its trigrams is not empty.
    private const string Wrapper =
        "You are a meticulous olympiad coach who never skips a line. Enumerate every intermediate inference explicitly "
        + "and cite the theorem that justifies each step, as a hostile examiner would demand. Item to solve:";

    private const string Closing = "Wrap your reasoning in analysis tags and give the result after the word verdict in capitals.";

    private static readonly string[] Nouns = ["river", "engine", "matrix", "garden", "ledger", "planet", "violin", "harbour", "crystal", "lantern", "meadow", "circuit"];

    /// <summary>A payload of words that do not repeat between prompts.</summary>
    private static string Payload(int i) =>
        $"find the {Nouns[i % Nouns.Length]}{i} value when {Nouns[(i * 7) % Nouns.Length]}{i * 3} meets q{i * 11} over z{i * 13}";

    private static RecurringPhrases Sketch(IEnumerable<string> prompts)
    {
        var sketch = new RecurringPhrases();
        foreach (var p in prompts)
        {
            sketch.AddPrompt(p);
        }

        return sketch;
    }

    private static IEnumerable<string> Wrapped(int from, int count) =>
        Enumerable.Range(from, count).Select(i => $"{Wrapper} {Payload(i)} {Closing}");

    [Fact]
    public void AWrapperRepeatedAroundVaryingPayloadsRecursAndThePayloadsDoNot()
    {
        var wrapped = Sketch(Wrapped(0, 60)).Recurring();
        var bare = Sketch(Enumerable.Range(0, 60).Select(Payload)).Recurring();

        Assert.NotEmpty(wrapped);
        Assert.Empty(bare);
        // Two accounts using the same wrapper around different payloads keep the same phrases.
        Assert.Equal(wrapped, Sketch(Wrapped(1_000, 60)).Recurring());
    }

    [Fact]
    public void APhraseInFewerThanItsShareOfPromptsIsNotRecurring()
    {
        // The wrapper in 1 prompt of 20: under the 8 % floor.
        var prompts = Enumerable.Range(0, 200).Select(i => i % 20 == 0 ? $"{Wrapper} {Payload(i)} {Closing}" : $"{Payload(i)} {Payload(i + 7)}");
        Assert.Empty(Sketch(prompts).Recurring());
    }

    [Fact]
    public void AWrapperInOnePromptOfEightAmongVaryingPayloadsStillRecurs()
    {
        // A paraphrased wrapper keeps each phrasing in a fraction of the operator's prompts, among payloads and cover
        // chat that never repeat: the sketch must not lose that phrasing to the payloads' noise.
        var prompts = Enumerable.Range(0, 400).Select(i => i % 8 == 0 ? $"{Wrapper} {Payload(i)} {Closing}" : $"{Payload(i)} {Payload(i + 1_000)} {Payload(i + 2_000)}");
        var recurring = Sketch(prompts).Recurring();

        Assert.NotEmpty(recurring);
        Assert.Subset(Sketch(Wrapped(0, 60)).Recurring().ToHashSet(), recurring.ToHashSet());
    }

    [Fact]
    public void ShortPromptsAreNotSketched()
    {
        // A short chat message is no wrapped item: it costs nothing and counts for nothing.
        var sketch = Sketch(Enumerable.Range(0, 50).Select(i => "thanks, that helps a lot"));
        Assert.Equal(0, sketch.Prompts);
        Assert.Empty(sketch.Recurring());
        Assert.Equal(40, sketch.PayloadBytes);
    }

    [Fact]
    public void MergingTwoHalvesKeepsTheWholesRecurringPhrases()
    {
        Gen.Int[20, 120].Sample(n =>
        {
            var prompts = Wrapped(0, n).ToArray();
            var left = Sketch(prompts.Take(n / 2));
            left.Merge(Sketch(prompts.Skip(n / 2)));
            Assert.Equal(Sketch(prompts).Recurring(), left.Recurring());
            Assert.Equal(n, left.Prompts);
        }, iter: 20);
    }

    [Fact]
    public void TheSketchIsBoundedWhateverTheVolume()
    {
        var sketch = Sketch(Enumerable.Range(0, 5_000).Select(i => $"{Payload(i)} {Payload(i + 1)} {Payload(i + 2)}"));
        Assert.True(sketch.PayloadBytes <= 40 + (RecurringPhrases.Capacity * 4), $"{sketch.PayloadBytes} bytes");
        var merged = Sketch(Enumerable.Range(9_000, 500).Select(Payload));
        merged.Merge(sketch);
        Assert.True(merged.PayloadBytes <= 40 + (RecurringPhrases.Capacity * 4), $"{merged.PayloadBytes} bytes after a merge");
    }

    [Fact]
    public void CountsPastTheEightBitRangeKeepTheirShareAndMergeAcrossScales()
    {
        // 2,000 wrapped prompts: every count passes 255 several times over, so the scale doubles.
        var heavy = Sketch(Wrapped(0, 2_000));
        Assert.Equal(Sketch(Wrapped(0, 60)).Recurring(), heavy.Recurring());

        // The wrapper in 1 prompt of 20 at that volume (100 of 2,000): under the 8 % floor however it is scaled.
        var diluted = Sketch(Enumerable.Range(0, 2_000).Select(i => i % 20 == 0 ? $"{Wrapper} {Payload(i)} {Closing}" : $"{Payload(i)} {Payload(i + 7)}"));
        Assert.Empty(diluted.Recurring());

        // A heavy sketch merged into a light one, and the other way round, keep the wrapper.
        var light = Sketch(Wrapped(5_000, 30));
        light.Merge(Sketch(Wrapped(6_000, 1_500)));
        var reverse = Sketch(Wrapped(6_000, 1_500));
        reverse.Merge(Sketch(Wrapped(5_000, 30)));
        Assert.Equal(heavy.Recurring(), light.Recurring());
        Assert.Equal(heavy.Recurring(), reverse.Recurring());
        Assert.Equal(1_530, light.Prompts);
    }

    [Fact]
    public void FingerprintsKeepTwentyFourBits()
    {
        var phrases = Sketch(Wrapped(0, 60)).Recurring();
        Assert.NotEmpty(phrases);
        Assert.All(phrases, p => Assert.True(p < 1u << RecurringPhrases.FingerprintBits, $"{p:x}"));
        Assert.Contains(phrases, p => p >= 1u << (RecurringPhrases.FingerprintBits - 4));
    }

    [Fact]
    public void OnlyTheHeadAndTailWindowsAreRead()
    {
        // The wrapper buried in the middle of a long prompt is not read, so it does not recur.
        static string Filler(int prompt) => string.Join(' ', Enumerable.Range(0, 100).Select(i => $"w{prompt}x{i}"));
        var buried = Sketch(Enumerable.Range(0, 40).Select(i => $"{Payload(i)} {Filler(i)} {Wrapper} {Filler(i + 500)} {Payload(i + 1)}"));
        Assert.Empty(buried.Recurring());
    }

    [Fact]
    public void AClosingInstructionAtTheEndOfALongPromptIsRead()
    {
        // The fixed part is only the last sentence, after a long varying item: the tail window is the prompt's last words.
        static string Filler(int prompt) => string.Join(' ', Enumerable.Range(0, 100).Select(i => $"w{prompt}x{i}"));
        const string LongClosing = "Check every step against the original question, then wrap your reasoning in analysis tags and give the final result after the word verdict in capitals.";
        var closed = Sketch(Enumerable.Range(0, 40).Select(i => $"{Payload(i)} {Filler(i)} {LongClosing}"));
        Assert.NotEmpty(closed.Recurring());
    }

    private static readonly uint[] House = [11, 12, 13, 14];
    private static readonly uint[] OtherHouse = [21, 22, 23, 24];

    private static PhraseHolder Holder(string id, uint[] phrases, bool candidate = true, bool mixed = false) =>
        new(new AccountId(id), phrases, candidate, mixed);

    private static PhraseCampaign Campaign(string name, params string[] members) =>
        new(name, [.. members.Select(m => new AccountId(m))]);

    private static IReadOnlyList<PhraseMatch> Match(IEnumerable<PhraseHolder> holders, params PhraseCampaign[] campaigns)
    {
        var linked = campaigns.SelectMany(c => c.Members).ToHashSet();
        return PhrasePullIn.Match([.. holders], campaigns, linked, new PhrasePullInOptions());
    }

    private static IEnumerable<PhraseHolder> TwoCampaigns() =>
    [
        Holder("a1", House), Holder("a2", House), Holder("a3", [.. House, 99]),
        Holder("b1", OtherHouse), Holder("b2", OtherHouse), Holder("b3", OtherHouse),
    ];

    [Fact]
    public void AnUnlinkedAccountRepeatingACampaignsWordingJoinsThatCampaign()
    {
        var matches = Match([.. TwoCampaigns(), Holder("loner", [12, 13, 14, 500])], Campaign("A", "a1", "a2", "a3"), Campaign("B", "b1", "b2", "b3"));

        var match = Assert.Single(matches);
        Assert.Equal("loner", match.AccountId.Value);
        Assert.Equal(0, match.Campaign);
        Assert.Equal(3, match.Shared);
        Assert.Contains("campaign A", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WordingThatOrdinaryAccountsAlsoRepeatLinksNoOne()
    {
        // Two ordinary accounts repeat the campaign's phrases too: they are common wording, not the operator's.
        var matches = Match([.. TwoCampaigns(), Holder("person", House, candidate: false), Holder("neighbour", House, candidate: false), Holder("loner", [12, 13, 14])],
            Campaign("A", "a1", "a2", "a3"), Campaign("B", "b1", "b2", "b3"));
        Assert.Empty(matches);
    }

    [Fact]
    public void OneOrdinaryLookingAccountRepeatingACampaignsWordingDoesNotWipeIt()
    {
        // The operator's own account that hides its harvest under cover traffic reads as ordinary, yet repeats the
        // operator's wrapper: one such account must not make the operator's wording ordinary for all its other accounts.
        PhraseHolder[] holders = [.. TwoCampaigns(), Holder("cover", House, candidate: false), Holder("loner", [12, 13, 14])];
        var match = Assert.Single(Match(holders, Campaign("A", "a1", "a2", "a3"), Campaign("B", "b1", "b2", "b3")));
        Assert.Equal(("loner", 0), (match.AccountId.Value, match.Campaign));
        Assert.Equal(House.ToHashSet(), PhraseSets.Build(holders, [], new PhrasePullInOptions()).Rare[new AccountId("a1")]);
    }

    [Fact]
    public void WordingThatSeveralCampaignsRepeatNamesNoneOfThem()
    {
        // 50 and 51 recur in both campaigns: common harvesting wording, which attaches no one on its own.
        PhraseCampaign[] campaigns = [Campaign("A", "a1", "a2", "a3"), Campaign("B", "b1", "b2", "b3")];
        PhraseHolder[] holders =
        [
            Holder("a1", [.. House, 50, 51]), Holder("a2", [.. House, 50, 51]), Holder("a3", House),
            Holder("b1", [.. OtherHouse, 50, 51]), Holder("b2", [.. OtherHouse, 50, 51]), Holder("b3", OtherHouse),
        ];

        Assert.Empty(Match([.. holders, Holder("generic", [50, 51, 700])], campaigns));
        var match = Assert.Single(Match([.. holders, Holder("specific", [50, 51, 12, 13, 14])], campaigns));
        Assert.Equal((0, 3, 3), (match.Campaign, match.Shared, match.Own));
    }

    [Fact]
    public void MixedTrafficNonCandidatesTiesAndThinOverlapsStayOut()
    {
        PhraseCampaign[] campaigns = [Campaign("A", "a1", "a2", "a3"), Campaign("B", "b1", "b2", "b3")];
        Assert.Empty(Match([.. TwoCampaigns(), Holder("reseller", House, mixed: true)], campaigns));
        Assert.Empty(Match([.. TwoCampaigns(), Holder("calm", [12, 13, 14], candidate: false)], campaigns));
        Assert.Empty(Match([.. TwoCampaigns(), Holder("both", [11, 12, 21, 22])], campaigns));
        Assert.Empty(Match([.. TwoCampaigns(), Holder("one", [11, 600])], campaigns));
        Assert.Empty(Match([.. TwoCampaigns(), Holder("two", [11, 12])], campaigns));
        Assert.Empty(Match([.. TwoCampaigns(), Holder("mostly-own", [11, 12, 600, 601, 602, 603])], campaigns));
    }

    [Fact]
    public void PhrasesThatManyHarvestLikeAccountsRepeatDoNotPullAnAccountIntoACampaignWhoseOwnWordingIsElsewhere()
    {
        // Campaign A repeats its house phrases 11-14 and a popular phrasing 70-72 that forty harvest-like people outside
        // any campaign repeat too (researchers, students). A person who repeats only the popular phrasing shares three
        // of A's phrases, but its wording is not A's: 70-72 weigh little beside A's own.
        PhraseHolder[] campaign = [.. Enumerable.Range(0, 6).Select(i => Holder($"a{i}", [11, 12, 13, 14, 70, 71, 72]))];
        PhraseHolder[] people = [.. Enumerable.Range(0, 40).Select(i => Holder($"p{i:D2}", [70, 71, 72, (uint)(1_000 + i)]))];
        PhraseHolder[] others = [.. Enumerable.Range(0, 6).Select(i => Holder($"b{i}", [21, 22, 23, 24]))];
        PhraseCampaign[] campaigns = [Campaign("A", "a0", "a1", "a2", "a3", "a4", "a5"), Campaign("B", "b0", "b1", "b2", "b3", "b4", "b5")];

        Assert.Empty(Match([.. campaign, .. people, .. others, Holder("person", [70, 71, 72])], campaigns));
        var match = Assert.Single(Match([.. campaign, .. people, .. others, Holder("harvester", [11, 12, 13, 70, 71, 72])], campaigns));
        Assert.Equal("harvester", match.AccountId.Value);
    }

    [Fact]
    public void LinkedAccountsAreNotMovedAndTheResultIgnoresInputOrder()
    {
        PhraseCampaign[] campaigns = [Campaign("A", "a1", "a2", "a3"), Campaign("B", "b1", "b2", "b3")];
        PhraseHolder[] holders = [.. TwoCampaigns(), Holder("x", [11, 12, 13]), Holder("y", [21, 22, 23]), Holder("z", [22, 23, 24])];
        var forward = Match(holders, campaigns);
        var backward = Match(holders.Reverse(), campaigns);

        Assert.Equal(["x", "y", "z"], forward.Select(m => m.AccountId.Value));
        Assert.Equal(forward, backward);
        Assert.DoesNotContain(forward, m => m.AccountId.Value.StartsWith('a') || m.AccountId.Value.StartsWith('b'));
    }
}
