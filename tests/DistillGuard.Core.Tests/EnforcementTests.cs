using CsCheck;
using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Model;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>A policy maps verdict, risk and campaign to an action with an expiry; shadow mode records and allows.</summary>
public sealed class PolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static PolicySubject Subject(Verdict verdict, double risk = 0.5, bool inCampaign = false) =>
        new(new AccountId("a"), verdict, risk, inCampaign ? new CampaignId("camp-1") : null);

    [Fact]
    public void TheDefaultPolicyActsOnEveryDistillationVerdictAndAllowsEveryOtherAccount()
    {
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            foreach (var inCampaign in new[] { false, true })
            {
                var decision = PolicyEngine.Decide(Policy.Default, Subject(verdict, 0.9, inCampaign), Now);
                Assert.Equal(verdict == Verdict.Distillation, decision.Action != EnforcementAction.Allow);
            }
        }

        var member = PolicyEngine.Decide(Policy.Default, Subject(Verdict.Distillation, 0.95, inCampaign: true), Now);
        Assert.Equal(EnforcementAction.Block, member.Action);
        Assert.Equal("campaign-member", member.Rule);
        Assert.Equal(Now.AddHours(1), member.ExpiresAt);
    }

    [Fact]
    public void TheFirstRuleThatAppliesDecidesAndEveryConditionGivenMustHold()
    {
        var policy = new Policy("t", PolicyMode.Enforce,
        [
            new("high", new(Verdict.Suspicious, MinRisk: 0.7), EnforcementAction.Challenge, TimeSpan.FromHours(2)),
            new("any-suspicious", new(Verdict.Suspicious), EnforcementAction.Throttle, null),
        ]);

        Assert.Equal(("high", EnforcementAction.Challenge), Of(PolicyEngine.Decide(policy, Subject(Verdict.Suspicious, 0.7), Now)));
        Assert.Equal(("any-suspicious", EnforcementAction.Throttle), Of(PolicyEngine.Decide(policy, Subject(Verdict.Suspicious, 0.69), Now)));
        Assert.Equal((null, EnforcementAction.Allow), Of(PolicyEngine.Decide(policy, Subject(Verdict.Benign, 0.99), Now)));
        Assert.Null(PolicyEngine.Decide(policy, Subject(Verdict.Suspicious, 0.5), Now).ExpiresAt);

        static (string?, EnforcementAction) Of(PolicyDecision d) => (d.Rule, d.Action);
    }

    [Fact]
    public void AShadowPolicyReturnsAllowAndRecordsTheActionItWouldTake()
    {
        var shadow = Policy.Default with { Mode = PolicyMode.Shadow };

        var decision = PolicyEngine.Decide(shadow, Subject(Verdict.Distillation, 0.9, inCampaign: true), Now);

        Assert.Equal(EnforcementAction.Allow, decision.Action);
        Assert.Equal(EnforcementAction.Block, decision.Intended);
        Assert.True(decision.Shadow);
    }

    [Fact]
    public void APolicyFileReadsBackExactly()
    {
        var policy = new Policy("2026-12-07", PolicyMode.Shadow,
        [
            new("r1", new(Verdict.Distillation, 0.8, true), EnforcementAction.WithholdReasoning, TimeSpan.FromHours(36)),
            new("r2", new(), EnforcementAction.Throttle, null),
        ], EnforcementAction.Allow);

        var back = PolicyJson.Parse(PolicyJson.Write(policy)).Policy!;

        Assert.Equal(policy with { Rules = [] }, back with { Rules = [] });
        Assert.Equal(policy.Rules, back.Rules);
        Assert.Equal(PolicyJson.Write(Policy.Default), PolicyJson.Write(PolicyJson.Parse(PolicyJson.Write(Policy.Default)).Policy!));
    }

    [Theory]
    [InlineData("""{"version": "v", "rules": [{"name": "x", "action": "ban"}]}""", "rule 1 \"action\" must be one of allow, throttle")]
    [InlineData("""{"version": "v", "rules": [{"name": "x", "when": {"verdict": "evil"}, "action": "block"}]}""", "rule 1 \"when\" \"verdict\" is 'evil'")]
    [InlineData("""{"version": "v", "rules": [{"name": "x", "when": {"risk": 1}, "action": "block"}]}""", "unknown property 'risk'")]
    [InlineData("""{"version": "v", "rules": [{"name": "x", "action": "block", "expires_after_hours": 0}]}""", "expires_after_hours")]
    [InlineData("""{"version": "v", "rules": [{"name": "x", "when": {"min_risk": 2}, "action": "block"}]}""", "min_risk must lie in [0, 1]")]
    [InlineData("""{"version": "v", "rules": [{"name": "x", "action": "block"}, {"name": "x", "action": "allow"}]}""", "used twice")]
    [InlineData("""{"version": "v", "mode": "dry-run", "rules": []}""", "\"mode\" is 'dry-run'")]
    [InlineData("""{"rules": []}""", "needs \"version\"")]
    [InlineData("""{"version": "v"}""", "needs \"rules\"")]
    [InlineData("""{"version": "v", "version": "w", "rules": []}""", "not a valid JSON document")]
    public void ABadPolicyIsRefusedNamingTheField(string text, string named)
    {
        var parsed = PolicyJson.Parse(text);

        Assert.Null(parsed.Policy);
        Assert.Contains(named, parsed.Error, StringComparison.Ordinal);
    }
}

/// <summary>The audit log's hash chain: any edit, deletion or reordering names the first entry that breaks it.</summary>
public sealed class AuditChainTests
{
    private static AuditEntry[] Chain(int length)
    {
        var entries = new List<AuditEntry>();
        for (var i = 0; i < length; i++)
        {
            entries.Add(AuditChain.Append(entries.Count == 0 ? null : entries[^1].Head, new AuditDraft(
                new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567 * (i + 1)), "policy", AuditOrigin.Policy, $"account:a{i}",
                EnforcementAction.Block, false, null, "builtin-1", $"distillation, risk 0.9{i}")));
        }

        return [.. entries];
    }

    private static (long, string) Head(AuditEntry[] chain) => chain[^1].Head;

    [Fact]
    public void AnUntouchedChainIsValidWithItsHead()
    {
        var chain = Chain(5);

        Assert.Equal(new AuditVerification(true, 5, null, null), AuditChain.Verify(chain, Head(chain)));
        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
    }

    [Fact]
    public void EditingAnyFieldOfAnyEntryNamesThatEntry() =>
        Gen.Int[0, 5].Select(Gen.Int[0, 3]).Sample((at, field) =>
        {
            var chain = Chain(6);
            var d = chain[at].Draft;
            var edited = field switch
            {
                0 => d with { Action = EnforcementAction.Allow },
                1 => d with { Evidence = d.Evidence + " " },
                2 => d with { At = d.At.AddTicks(10) },
                _ => d with { Subject = "account:someone-else" },
            };
            chain[at] = chain[at] with { Draft = edited };
            var result = AuditChain.Verify(chain, Head(chain));
            return !result.Valid && result.FirstBroken == at + 1;
        });

    [Fact]
    public void DeletingAnEntryNamesTheMissingOneAndDeletingTheLastIsCaughtByTheHead()
    {
        var chain = Chain(5);

        var middle = AuditChain.Verify(chain.Where((_, i) => i != 2), Head(chain));
        Assert.Equal(3, middle.FirstBroken);
        Assert.Contains("entry 3 is missing", middle.Problem, StringComparison.Ordinal);

        var tail = AuditChain.Verify(chain[..^1], Head(chain));
        Assert.Equal(5, tail.FirstBroken);
        Assert.Contains("missing from the end", tail.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntryRewrittenWithAFreshHashStillBreaksTheNextLink()
    {
        var chain = Chain(4);
        var forged = chain[1].Draft with { Action = EnforcementAction.Allow };
        chain[1] = chain[1] with { Draft = forged, Hash = AuditChain.HashOf(2, forged, chain[1].PreviousHash) };

        var result = AuditChain.Verify(chain, Head(chain));

        Assert.Equal(3, result.FirstBroken);
        Assert.Contains("does not chain", result.Problem, StringComparison.Ordinal);
    }
}

/// <summary>A candidate policy replayed over verdicts beside the current one.</summary>
public sealed class BacktestTests
{
    private static AccountVerdict Account(string id, Verdict verdict, double risk, bool inCampaign, long exchanges) =>
        new(new AccountId(id), risk, verdict, inCampaign ? new CampaignId("camp-1") : null, exchanges, []);

    [Fact]
    public void ItCountsEachPolicysActionsExchangesAndFalsePositivesAndListsOnlyTheAccountsThatChange()
    {
        AccountVerdict[] accounts =
        [
            Account("harvester", Verdict.Distillation, 0.97, true, 900),
            Account("coder", Verdict.Suspicious, 0.6, false, 300),
            Account("quiet", Verdict.Benign, 0.01, false, 20),
        ];
        var labels = new Dictionary<AccountId, AccountLabel>
        {
            [new("harvester")] = new(new("harvester"), true, "op-1", "campaign"),
            [new("coder")] = new(new("coder"), false, null, "coder"),
            [new("quiet")] = new(new("quiet"), false, null, "casual"),
        };
        var candidate = new Policy("strict", PolicyMode.Shadow,
        [
            new("member", new(Verdict.Distillation, InCampaign: true), EnforcementAction.Block, null),
            new("suspicious", new(Verdict.Suspicious), EnforcementAction.Throttle, null),
        ]);

        var result = Backtest.Compare(accounts, candidate, Policy.Default, labels, DateTimeOffset.UnixEpoch);

        var change = Assert.Single(result.Changes);
        Assert.Equal((new AccountId("coder"), EnforcementAction.Allow, EnforcementAction.Throttle, (bool?)false), (change.AccountId, change.Against, change.Candidate, change.IsCampaign));
        Assert.Equal((1, 900L), result.Against.ByAction[EnforcementAction.Block]);
        Assert.Equal((1, 300L), result.Candidate.ByAction[EnforcementAction.Throttle]);
        Assert.Equal((0, 1), (result.Against.FalsePositives, result.Candidate.FalsePositives));
        Assert.Equal(1, result.Candidate.FalsePositiveKinds!["coder"]);
        Assert.Equal((1, 1), (result.Candidate.CampaignAccountsActedOn, result.Candidate.CampaignAccounts));
        Assert.True(result.Candidate.Shadow);
    }
}
