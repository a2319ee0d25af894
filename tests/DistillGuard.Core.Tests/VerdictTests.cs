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

    private static VerdictSet Judge(IReadOnlyList<AccountState> states)
    {
        var parameters = ScoringParameters.Default;
        var features = states.Select(AccountFeatureExtractor.Extract).ToArray();
        var assessments = features.Select(f => HarvestScorer.Score(f, parameters)).ToArray();
        var clusters = CampaignLinker.Link(states.Select((s, i) => new LinkCandidate(s, assessments[i].Probability)).ToArray(), new LinkerOptions { CandidateThreshold = 0 });
        var judged = clusters.Select(c => new ClusterAssessment(c, HarvestScorer.Score(
            AccountFeatureExtractor.Extract(AccountState.Combine(new AccountId("c"), c.Accounts.Select(a => states.First(s => s.AccountId == a)))), parameters))).ToArray();
        return VerdictAssembler.Assemble(features, assessments, judged, parameters);
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
