using DistillGuard.Core.Model;

namespace DistillGuard.Service.Decisions;

/// <summary>Maps an account's verdict (null when it has none) to an action with an expiry. Pure.</summary>
public interface IDecisionPolicy
{
    /// <summary>Recorded with every decision and audit entry.</summary>
    string Version { get; }

    /// <summary>In shadow mode the action is recorded but the gateway is told <c>allow</c>.</summary>
    bool Shadow { get; }

    /// <summary>The action the policy takes (or, in shadow mode, would take).</summary>
    PolicyDecision Decide(AccountVerdict? verdict, DateTimeOffset now);
}

/// <summary>The built-in default policy as an <see cref="IDecisionPolicy"/>.</summary>
public sealed class BuiltInPolicy(DefaultPolicyOptions options) : IDecisionPolicy
{
    public string Version => options.Version;

    public bool Shadow => false;

    public PolicyDecision Decide(AccountVerdict? verdict, DateTimeOffset now) => DefaultPolicy.Decide(verdict, now, options);
}

/// <summary>How policy actions are named in the audit, and what the gateway is told.</summary>
public static class Policies
{
    /// <summary>What the gateway is told: the decision, or <c>allow</c> (no expiry) when the policy runs in shadow mode.</summary>
    public static PolicyDecision Applied(this IDecisionPolicy policy, PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);
        return policy.Shadow ? decision with { Action = DecisionAction.Allow, ExpiresAt = null } : decision;
    }

    /// <summary><c>policy:VERSION</c>, or <c>policy:VERSION:shadow</c> for an action recorded but not taken.</summary>
    public static string Actor(IDecisionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return "policy:" + policy.Version + (policy.Shadow ? ":shadow" : "");
    }
}
