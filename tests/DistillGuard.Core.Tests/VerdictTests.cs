using CsCheck;
using Xunit;
using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Tests;

public class VerdictTests
{
    // Colleagues: one card, one office IP, ordinary conversational traffic.
    private static AccountState Colleague(int i) => Some.State($"team{i}", Enumerable.Range(0, 30).Select(t => Some.Exchange($"team{i}", $"can you help me word this email to a client about invoice {t}", t * 50) with
    {
        PaymentFingerprint = "corp-card",
        ClientIp = "192.0.2.10",
        ConversationId = $"c{i}-{t / 5}",
        TurnIndex = t % 5,
        OutputTokens = 150,
        InputTokens = 300,
    }));

    // Harvesters: one card, single-shot distinct reasoning prompts, long answers, maximal caps.
    private static AccountState Harvester(int i) => Some.State($"harv{i}", Enumerable.Range(0, 60).Select(t => Some.Exchange($"harv{i}", $"Solve step by step and show your reasoning: what is {i * 1000 + t} times {t + 7}? Calculate.", t * 11) with
    {
        PaymentFingerprint = "shared-card",
        OutputTokens = 1500,
        InputTokens = 40,
        MaxTokens = 32000,
        ReasoningTokens = 3000,
        AccountCreatedAt = Some.Start.AddHours(-6),
    }));

    private const string OlympiadWrapper = "You are a meticulous olympiad coach who never skips a line. Enumerate every intermediate inference explicitly and cite "
        + "the theorem behind each step. Item to solve:";

    private const string AuditWrapper = "Act as a sceptical patent examiner reviewing a filing. Restate the claim in your own words, list each assumption it rests on "
        + "and weigh two alternative readings before you decide. The filing:";

    // A harvester of another shape that wraps its items in a long, fixed wrapper; with a card or without one.
    // Without a card it answers shorter under a lower cap (not a behavioural twin) unless it keeps the campaign's shape.
    private static AccountState Wrapping(string id, string? card, string wrapper = OlympiadWrapper, bool sameShape = false, int output = 1500) => Some.State(id, Enumerable.Range(0, 80).Select(t => Some.Exchange(id,
        $"{wrapper} integrate x{t} over the region r{t * 7} bounded by y{t * 3} "
        + "Wrap your reasoning in analysis tags and give the result after the word verdict in capitals.", t * 13) with
    {
        PaymentFingerprint = card,
        OutputTokens = card is null && !sameShape ? 700 : output,
        InputTokens = 90,
        MaxTokens = card is null && !sameShape ? 8000 : 32000,
        ReasoningTokens = 2000,
    }));

    private static VerdictSet Judge(IReadOnlyList<AccountState> states, bool phrases = false)
    {
        var parameters = ScoringParameters.Default;
        var features = states.Select(AccountFeatureExtractor.Extract).ToArray();
        var assessments = features.Select(f => HarvestScorer.Score(f, parameters)).ToArray();
        var clusters = CampaignLinker.Link(states.Select((s, i) => new LinkCandidate(s, assessments[i].Probability)).ToArray(), new LinkerOptions { CandidateThreshold = 0 });
        var judged = clusters.Select(c => new ClusterAssessment(c, HarvestScorer.Score(
            AccountFeatureExtractor.Extract(AccountState.Combine(new AccountId("c"), c.Accounts.Select(a => states.First(s => s.AccountId == a)))), parameters))).ToArray();
        return VerdictAssembler.Assemble(features, assessments, judged, parameters, new PhrasePullInOptions(), new WordingMergeOptions(), null,
            phrases ? states.ToDictionary(s => s.AccountId, s => s.Phrases.Recurring()) : null);
    }

    [Fact]
    public void ATwinOfTwoCampaignsGoesToTheOneWhoseWordingItRepeats()
    {
        // Two operators run alike but word their wrappers apart; the loner is a behavioural twin of both.
        AccountState[] campaigns =
        [
            .. Enumerable.Range(0, 5).Select(i => Wrapping($"olym{i}", "card-o", OlympiadWrapper)),
            .. Enumerable.Range(0, 5).Select(i => Wrapping($"pate{i}", "card-p", AuditWrapper)),
            .. Enumerable.Range(0, 8).Select(Colleague),
        ];
        foreach (var (wrapper, prefix) in new[] { (OlympiadWrapper, "olym"), (AuditWrapper, "pate") })
        {
            var verdicts = Judge([.. campaigns, Wrapping("loner", null, wrapper, sameShape: true)], phrases: true);
            var loner = verdicts.Accounts.Single(v => v.AccountId.Value == "loner");
            var home = verdicts.Campaigns.Single(c => c.Cluster.Accounts.Any(a => a.Value.StartsWith(prefix, StringComparison.Ordinal)));
            Assert.Equal(2, verdicts.Campaigns.Count);
            Assert.Equal(home.CampaignId, loner.CampaignId);
            Assert.Equal(PullIn.SharedWording, verdicts.PulledIn[loner.AccountId]);
        }
    }

    [Fact]
    public void AnAccountDrivenLikeOneCampaignButRepeatingAnothersWordingGoesToTheOneWhoseWordingItRepeats()
    {
        // Behaviour is a style's, shared by every operator who runs it; wording is the operator's own.
        AccountState[] states =
        [
            .. Enumerable.Range(0, 5).Select(i => Wrapping($"olym{i}", "card-o", OlympiadWrapper)),
            .. Enumerable.Range(0, 5).Select(i => Wrapping($"pate{i}", "card-p", AuditWrapper, output: 4000)),
            Wrapping("loner", null, AuditWrapper, sameShape: true),
            .. Enumerable.Range(0, 8).Select(Colleague),
        ];

        var verdicts = Judge(states, phrases: true);
        var loner = verdicts.Accounts.Single(v => v.AccountId.Value == "loner");
        var patent = verdicts.Campaigns.Single(c => c.Cluster.Accounts.Any(a => a.Value.StartsWith("pate", StringComparison.Ordinal)));
        Assert.Equal(patent.CampaignId, loner.CampaignId);
        Assert.Equal(PullIn.SharedWording, verdicts.PulledIn[loner.AccountId]);

        // Without its wording it is only the olympiad campaign's behavioural twin.
        var blind = Judge(states).Accounts.Single(v => v.AccountId.Value == "loner");
        var olympiad = Judge(states).Campaigns.Single(c => c.Cluster.Accounts.Any(a => a.Value.StartsWith("olym", StringComparison.Ordinal)));
        Assert.Equal(olympiad.CampaignId, blind.CampaignId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnAccountWhoseWordingOrPhrasesNameOneCampaignIsNeverAnotherCampaignsBehaviouralTwin(bool othersUseItsOtherWrappers)
    {
        // The loner is driven like the olympiad campaign. A third of its items are in the patent campaign's wrapper, the rest
        // in two long wrappers of its own: too few of its phrases are the patent campaign's to be pulled in on them.
        // - Alone with its other wrappers, the phrases it shares with any other account are the patent campaign's: its wording names that campaign.
        // - When two harvest-like accounts outside any campaign use its other wrappers too, its wording as a whole is theirs as much as
        //   the patent campaign's and names no campaign; it still repeats more of the patent campaign's phrases than of any other campaign's.
        string[] wrappers =
        [
            AuditWrapper,
            "Recall first that the quartermaster of the northern garrison keeps seventeen lanterns burning through every winter "
            + "night while the ferrymen sing old songs about copper kettles and silver herons and the millers count their sacks twice. Then:",
            "Imagine a lighthouse keeper who writes long letters to a cartographer about tides, gulls, broken barometers, salted "
            + "fish, lost anchors and the patient arithmetic of fog horns on a coast nobody visits anymore. Now:",
        ];
        var loner = Some.State("loner", Enumerable.Range(0, 90).Select(t => Some.Exchange("loner",
            $"{wrappers[t % 3]} integrate x{t} over the region r{t * 7} bounded by y{t * 3} "
            + "Wrap your reasoning in analysis tags and give the result after the word verdict in capitals.", t * 13) with
        {
            OutputTokens = 1500,
            InputTokens = 90,
            MaxTokens = 32000,
            ReasoningTokens = 2000,
        }));
        AccountState[] states =
        [
            .. Enumerable.Range(0, 5).Select(i => Wrapping($"olym{i}", "card-o", OlympiadWrapper)),
            .. Enumerable.Range(0, 5).Select(i => Wrapping($"pate{i}", "card-p", AuditWrapper, output: 4000)),
            loner,
            .. othersUseItsOtherWrappers ? [Wrapping("echo1", null, wrappers[1]), Wrapping("echo2", null, wrappers[2])] : Array.Empty<AccountState>(),
            .. Enumerable.Range(0, 8).Select(Colleague),
        ];

        var blind = Judge(states);
        var olympiad = blind.Campaigns.Single(c => c.Cluster.Accounts.Any(a => a.Value.StartsWith("olym", StringComparison.Ordinal)));
        Assert.Equal(olympiad.CampaignId, blind.Accounts.Single(v => v.AccountId.Value == "loner").CampaignId);

        var verdicts = Judge(states, phrases: true);
        var judged = verdicts.Accounts.Single(v => v.AccountId.Value == "loner");
        Assert.False(verdicts.PulledIn.TryGetValue(judged.AccountId, out var how) && how == PullIn.SharedWording, $"pulled in on its wording into {judged.CampaignId}");
        Assert.NotEqual(olympiad.CampaignId, judged.CampaignId);
    }

    [Fact]
    public void TwinsPulledIntoACampaignRaiseItsConfidenceButNeverMakeOne()
    {
        AccountState[] linked = [.. Enumerable.Range(0, 4).Select(i => Wrapping($"card{i}", "card-w", sameShape: true))];
        AccountState[] twins = [.. Enumerable.Range(0, 6).Select(i => Wrapping($"twin{i}", null, sameShape: true))];

        var alone = Assert.Single(Judge([.. linked, .. Enumerable.Range(0, 8).Select(Colleague)]).Campaigns);
        var verdicts = Judge([.. linked, .. twins, .. Enumerable.Range(0, 8).Select(Colleague)]);
        var grown = Assert.Single(verdicts.Campaigns);

        Assert.Equal(6, verdicts.PulledIn.Count(p => p.Value == PullIn.BehaviouralTwin));
        Assert.True(grown.Probability > alone.Probability, $"{grown.Probability} against {alone.Probability}");
        Assert.Equal(alone.Probability, VerdictAssembler.Confidence(new ClusterAssessment(grown.Cluster, grown.Combined), ScoringParameters.Default), 9);
        Assert.Equal(4 + (6 * ScoringParameters.Default.TwinAssociation), VerdictAssembler.CoordinatedSize(grown.Cluster, [.. Enumerable.Repeat(ScoringParameters.Default.TwinAssociation, 6)], ScoringParameters.Default), 9);
        Assert.All(verdicts.Accounts.Where(v => v.AccountId.Value.StartsWith("card", StringComparison.Ordinal)), v =>
            Assert.Contains($"campaign confidence {grown.Probability:0.00}", v.Reasons.Single(r => r.Signal == SignalNames.Coordination).Evidence, StringComparison.Ordinal));

        // Twins of nothing: without the linked group there is no campaign for them to grow.
        Assert.Empty(Judge([.. twins, .. Enumerable.Range(0, 8).Select(Colleague)]).Campaigns);
    }

    [Fact]
    public void AnUnlinkedAccountRepeatingACampaignsWrapperIsPulledInAndItsVerdictSaysSo()
    {
        AccountState[] states = [.. Enumerable.Range(0, 6).Select(i => Wrapping($"wrap{i}", "wrap-card")), Wrapping("loner", null), .. Enumerable.Range(0, 8).Select(Colleague)];

        var campaign = Assert.Single(Judge(states, phrases: true).Campaigns);
        var loner = Judge(states, phrases: true).Accounts.Single(v => v.AccountId.Value == "loner");
        var without = Judge(states).Accounts.Single(v => v.AccountId.Value == "loner");

        Assert.Equal(campaign.CampaignId, loner.CampaignId);
        Assert.Contains(loner.Reasons, r => r.Signal == SignalNames.Coordination && r.Evidence.Contains("phrases it keeps repeating", StringComparison.Ordinal));
        Assert.DoesNotContain(without.Reasons, r => r.Evidence.Contains("phrases it keeps repeating", StringComparison.Ordinal));
        Assert.True(loner.RiskScore > without.RiskScore, $"{loner.RiskScore} against {without.RiskScore}");
    }

    [Fact]
    public void AWordingMatchTiesAsATwinAtTheLeastEvidenceAndMoreFirmlyTheMoreOfTheCampaignsWordingItRepeats()
    {
        var parameters = ScoringParameters.Default;
        var least = new PhrasePullInOptions().MinShared;
        double Tie(int shared, int own) => VerdictAssembler.WordingAssociation(new PhraseMatch(new AccountId("a"), 0, shared, own, ""), parameters, new PhrasePullInOptions());

        Assert.Equal(parameters.TwinAssociation, Tie(least, least), 9);
        Assert.Equal(1 - ((1 - parameters.TwinAssociation) * (1 - parameters.TwinAssociation)), Tie(2 * least, 2 * least), 9);
        Gen.Select(Gen.Int[least, 40], Gen.Int[0, 40]).Sample((shared, others) =>
        {
            var tie = Tie(shared, shared + others);
            Assert.InRange(tie, parameters.TwinAssociation, 1);
            // More of the campaign's phrases never tie it less; more phrases of its own never tie it more.
            Assert.True(Tie(shared + 1, shared + 1 + others) >= tie);
            Assert.True(Tie(shared, shared + others + 1) <= tie);
        });
    }

    [Fact]
    public void ALowSignalAccountThatRepeatsNothingButACampaignsWrapperIsFlaggedWithIt()
    {
        // The loner hides its wrapped items among ordinary questions: its own traffic is low-signal. Every phrase it keeps
        // repeating is the campaign's long wrapper's, which ties it more firmly than the least evidence would.
        const string wrapper = "Please act as an exacting tutor: translate the exercise into symbols, list the known facts and the facts still needed, "
            + "reason forward one small step at a time while quoting the principle used, double check the extreme values, and end with "
            + "the answer alone. Exercise:";
        var loner = Some.State("loner", Enumerable.Range(0, 240).Select(t => t % 3 == 0
            ? Some.Exchange("loner", $"{wrapper} integrate x{t} over the region r{t * 7} bounded by y{t * 3} "
                + "Wrap your reasoning in analysis tags and give the result after the word verdict in capitals.", t * 13) with
            {
                OutputTokens = 1500, InputTokens = 90, MaxTokens = 32000, ReasoningTokens = 2000,
            }
            : Some.Exchange("loner", $"whats a good name for a cat that is {t} weeks old and very grumpy", t * 13) with
            {
                ConversationId = $"chat{t / 6}", TurnIndex = t % 6, OutputTokens = 120, InputTokens = 40,
            }));
        AccountState[] states = [.. Enumerable.Range(0, 6).Select(i => Wrapping($"wrap{i}", "wrap-card", wrapper)), loner, .. Enumerable.Range(0, 8).Select(Colleague)];

        var verdicts = Judge(states, phrases: true);
        var campaign = Assert.Single(verdicts.Campaigns);
        var judged = verdicts.Accounts.Single(v => v.AccountId.Value == "loner");
        var own = Judge(states).Accounts.Single(v => v.AccountId.Value == "loner");

        Assert.Equal(PullIn.SharedWording, verdicts.PulledIn[judged.AccountId]);
        Assert.True(own.RiskScore < ScoringParameters.Default.SuspiciousThreshold, $"its own risk {own.RiskScore:0.000}");
        var tie = judged.Reasons.Single(r => r.Signal == SignalNames.Coordination);
        Assert.True(tie.Value > ScoringParameters.Default.TwinAssociation * campaign.Probability, $"tied at {tie.Value:0.000} of {campaign.Probability:0.000}: {tie.Evidence}");
        Assert.Contains("tied at association", tie.Evidence, StringComparison.Ordinal);
        Assert.Equal(Verdict.Distillation, judged.Verdict);
        Assert.Equal(campaign.CampaignId, judged.CampaignId);
    }

    [Fact]
    public void ColleaguesSharingACardAndAnOfficeAreNeverFlaggedOnTheGroupingAlone()
    {
        var verdicts = Judge(Enumerable.Range(0, 8).Select(Colleague).ToArray());
        Assert.Empty(verdicts.Campaigns);
        Assert.All(verdicts.Accounts, v => Assert.NotEqual(Verdict.Distillation, v.Verdict));
    }

    [Fact]
    public void HarvestersSharingACardFormOneCampaignAndEveryVerdictSaysWhy()
    {
        var states = Enumerable.Range(0, 6).Select(Harvester).Concat(Enumerable.Range(0, 8).Select(Colleague)).ToArray();
        var verdicts = Judge(states);
        var campaign = Assert.Single(verdicts.Campaigns);
        Assert.Equal(6, campaign.Cluster.Accounts.Count);
        var flagged = verdicts.Accounts.Where(v => v.Verdict == Verdict.Distillation).ToArray();
        Assert.Equal(6, flagged.Length);
        Assert.All(flagged, v =>
        {
            Assert.StartsWith("harv", v.AccountId.Value, StringComparison.Ordinal);
            Assert.Equal(campaign.CampaignId, v.CampaignId);
            Assert.Contains(v.Reasons, r => r.Signal == SignalNames.Coordination);
            Assert.Contains(v.Reasons, r => r.Signal == SignalNames.ReasoningElicitation);
        });
    }

    [Fact]
    public void AVerdictOnAHarvesterThatAlsoCarriesManyUsersTrafficSaysTheTrafficIsMixed()
    {
        // Three harvesters sending through many clients (a reseller passing on its customers' user agents), three on one.
        var states = Enumerable.Range(0, 6).Select(i => Some.State($"harv{i}", Enumerable.Range(0, 60).Select(t => Some.Exchange($"harv{i}",
            $"Solve step by step and show your reasoning: what is {i * 1000 + t} times {t + 7}? Calculate.", t * 11) with
        {
            PaymentFingerprint = "shared-card",
            OutputTokens = 1500,
            InputTokens = 40,
            MaxTokens = 32000,
            ReasoningTokens = 3000,
            UserAgent = i < 3 ? $"client/{t % 20}" : "sdk/1.0",
        }))).ToArray();

        var flagged = Judge(states).Accounts.Where(v => v.Verdict == Verdict.Distillation).ToArray();

        Assert.Equal(6, flagged.Length);
        Assert.All(flagged, v =>
        {
            var coordination = Assert.Single(v.Reasons, r => r.Signal == SignalNames.Coordination).Evidence;
            var resold = string.CompareOrdinal(v.AccountId.Value, "harv3") < 0;
            Assert.Equal(resold, coordination.Contains("mixed traffic", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void ALoneHarvestLikeAccountIsNeverMoreThanSuspicious()
    {
        var verdicts = Judge([Harvester(1)]);
        Assert.Equal(Verdict.Suspicious, Assert.Single(verdicts.Accounts).Verdict);
    }
}
