namespace DistillGuard.Core.Enforcement;

/// <summary>
/// A policy's decision for one account: the action returned, the one the policy would take (they differ in shadow
/// mode), the rule that decided, when it expires, and the policy version.
/// </summary>
/// <param name="Rule">The rule that applied; null when none did and the policy's fallback decided.</param>
/// <param name="ExpiresAt">When the intended action lapses (null for allow, or a rule without expiry); a shadow decision still says it, for the record, while the gateway is told allow.</param>
public sealed record PolicyDecision(
    EnforcementAction Action,
    EnforcementAction Intended,
    string? Rule,
    DateTimeOffset? ExpiresAt,
    string PolicyVersion,
    bool Shadow);

/// <summary>Applies a policy to one account. Pure: the time is passed in.</summary>
public static class PolicyEngine
{
    public static PolicyDecision Decide(Policy policy, PolicySubject subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(subject);
        var rule = policy.Rules.FirstOrDefault(r => r.When.Holds(subject));
        var intended = rule?.Action ?? policy.Otherwise;
        var expires = rule?.ExpiresAfter is { } after && intended != EnforcementAction.Allow ? now + after : (DateTimeOffset?)null;
        var shadow = policy.Mode == PolicyMode.Shadow;
        return new PolicyDecision(shadow ? EnforcementAction.Allow : intended, intended, rule?.Name, expires, policy.Version, shadow);
    }
}
