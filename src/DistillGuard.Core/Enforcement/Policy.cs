using DistillGuard.Core.Model;

namespace DistillGuard.Core.Enforcement;

/// <summary>Whether a policy's actions are taken, or only recorded while <c>allow</c> is returned.</summary>
public enum PolicyMode
{
    Enforce = 0,

    /// <summary>Every decision records the action the policy would take, and the action returned stays <c>allow</c>.</summary>
    Shadow,
}

/// <summary>
/// When a rule applies: every condition given must hold (a condition left out holds for any account).
/// </summary>
/// <param name="Verdict">The account's verdict.</param>
/// <param name="MinRisk">The account's final risk is at least this.</param>
/// <param name="InCampaign">The account is (true) or is not (false) a member of a campaign.</param>
public sealed record PolicyCondition(Verdict? Verdict = null, double? MinRisk = null, bool? InCampaign = null)
{
    public bool Holds(PolicySubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return (Verdict is not { } verdict || subject.Verdict == verdict)
            && (MinRisk is not { } risk || subject.Risk >= risk)
            && (InCampaign is not { } inCampaign || (subject.CampaignId is not null) == inCampaign);
    }
}

/// <summary>One line of a policy: when it applies, what it does, and for how long.</summary>
/// <param name="Name">Named in every decision and audit entry it causes.</param>
/// <param name="ExpiresAfter">How long the action lasts from the decision; null for until the verdict changes.</param>
public sealed record PolicyRule(string Name, PolicyCondition When, EnforcementAction Action, TimeSpan? ExpiresAfter);

/// <summary>
/// Maps verdict, risk and campaign membership to an action with an expiry. Rules are read in order and the first that
/// applies decides; an account no rule applies to gets <see cref="Otherwise"/>.
/// </summary>
/// <param name="Version">Recorded with every decision and audit entry, so each can be traced to the policy that made it.</param>
public sealed record Policy(string Version, PolicyMode Mode, IReadOnlyList<PolicyRule> Rules, EnforcementAction Otherwise = EnforcementAction.Allow)
{
    /// <summary>
    /// Hours a built-in action lasts before the gateway asks again: longer than any relink period, short enough that a
    /// verdict changed by new traffic or an analyst's label takes effect within the hour.
    /// </summary>
    public const double DefaultExpiryHours = 1;

    /// <summary>
    /// The built-in policy of the service contract: an account whose verdict is <c>distillation</c> is blocked when it
    /// belongs to a campaign and loses its reasoning traces otherwise, for an hour at a time; every other account is allowed. A
    /// suspicious account is allowed: the cost of a false positive (a heavy coder, a benchmark run) is the higher one.
    /// </summary>
    public static Policy Default { get; } = new("builtin-1", PolicyMode.Enforce,
    [
        new("campaign-member", new(Model.Verdict.Distillation, InCampaign: true), EnforcementAction.Block, TimeSpan.FromHours(DefaultExpiryHours)),
        new("distillation", new(Model.Verdict.Distillation), EnforcementAction.WithholdReasoning, TimeSpan.FromHours(DefaultExpiryHours)),
    ]);

    /// <summary>Null when the policy is usable; otherwise the first problem.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Version))
        {
            return "a policy needs a non-empty version";
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var where = $"rule {i + 1} ('{rule.Name}')";
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                return $"rule {i + 1} needs a name";
            }

            if (Rules.Take(i).Any(r => r.Name == rule.Name))
            {
                return $"{where}: the name is used twice";
            }

            if (rule.When.MinRisk is { } risk && !(risk is >= 0 and <= 1))
            {
                return $"{where}: min_risk must lie in [0, 1]";
            }

            if (rule.ExpiresAfter is { } expiry && expiry <= TimeSpan.Zero)
            {
                return $"{where}: expires_after_hours must be above 0";
            }
        }

        return null;
    }
}

/// <summary>What a policy reads of one account.</summary>
public sealed record PolicySubject(AccountId AccountId, Verdict Verdict, double Risk, CampaignId? CampaignId);
