using DistillGuard.Core.Model;

namespace DistillGuard.Core.Enforcement;

/// <summary>One account whose action the candidate policy changes.</summary>
public sealed record ActionChange(AccountId AccountId, Verdict Verdict, double Risk, CampaignId? CampaignId, long Exchanges, EnforcementAction Against, EnforcementAction Candidate, bool? IsCampaign);

/// <summary>What one policy would have done to a run's accounts: accounts and exchanges per action, and, with labels, its hits and false positives.</summary>
/// <param name="FalsePositives">Accounts labelled organic that get an action other than allow; null without labels.</param>
/// <param name="FalsePositiveKinds">Those false positives by the label's <c>kind</c> (coder, pipeline, researcher, …).</param>
/// <param name="CampaignAccountsActedOn">Accounts labelled campaign that get an action other than allow; null without labels.</param>
public sealed record PolicyOutcome(
    string PolicyVersion,
    bool Shadow,
    IReadOnlyDictionary<EnforcementAction, (int Accounts, long Exchanges)> ByAction,
    int? FalsePositives,
    IReadOnlyDictionary<string, int>? FalsePositiveKinds,
    int? CampaignAccountsActedOn,
    int? CampaignAccounts);

/// <summary>A candidate policy replayed over a stored run beside the policy it would replace.</summary>
public sealed record BacktestResult(PolicyOutcome Against, PolicyOutcome Candidate, IReadOnlyList<ActionChange> Changes);

/// <summary>
/// Replays a run's verdicts through two policies and compares them. Each policy's intended action counts (a shadow
/// policy is judged on what it would do). Pure: the run's start is the decision time.
/// </summary>
public static class Backtest
{
    public static BacktestResult Compare(
        IReadOnlyList<AccountVerdict> accounts, Policy candidate, Policy against, IReadOnlyDictionary<AccountId, AccountLabel>? labels, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(against);
        var decided = accounts
            .Select(a => (Account: a, Subject: new PolicySubject(a.AccountId, a.Verdict, a.RiskScore, a.CampaignId)))
            .Select(x => (x.Account, Against: PolicyEngine.Decide(against, x.Subject, at).Intended, Candidate: PolicyEngine.Decide(candidate, x.Subject, at).Intended))
            .ToArray();
        var changes = decided
            .Where(d => d.Against != d.Candidate)
            .Select(d => new ActionChange(d.Account.AccountId, d.Account.Verdict, d.Account.RiskScore, d.Account.CampaignId, d.Account.Exchanges, d.Against, d.Candidate,
                labels is not null && labels.TryGetValue(d.Account.AccountId, out var label) ? label.IsCampaign : null))
            .OrderByDescending(c => c.Exchanges)
            .ThenBy(c => c.AccountId)
            .ToArray();
        return new BacktestResult(
            Outcome(against, decided.Select(d => (d.Account, d.Against)), labels),
            Outcome(candidate, decided.Select(d => (d.Account, d.Candidate)), labels),
            changes);
    }

    private static PolicyOutcome Outcome(Policy policy, IEnumerable<(AccountVerdict Account, EnforcementAction Action)> decided, IReadOnlyDictionary<AccountId, AccountLabel>? labels)
    {
        var all = decided.ToArray();
        var byAction = Enum.GetValues<EnforcementAction>().ToDictionary(
            action => action,
            action => (all.Count(d => d.Action == action), all.Where(d => d.Action == action).Sum(d => d.Account.Exchanges)));
        if (labels is null)
        {
            return new PolicyOutcome(policy.Version, policy.Mode == PolicyMode.Shadow, byAction, null, null, null, null);
        }

        var labelled = all.Where(d => labels.ContainsKey(d.Account.AccountId)).Select(d => (d.Action, Label: labels[d.Account.AccountId])).ToArray();
        var falsePositives = labelled.Where(d => !d.Label.IsCampaign && d.Action != EnforcementAction.Allow).ToArray();
        return new PolicyOutcome(
            policy.Version,
            policy.Mode == PolicyMode.Shadow,
            byAction,
            falsePositives.Length,
            falsePositives.GroupBy(d => d.Label.Kind ?? "organic").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            labelled.Count(d => d.Label.IsCampaign && d.Action != EnforcementAction.Allow),
            labelled.Count(d => d.Label.IsCampaign));
    }
}
