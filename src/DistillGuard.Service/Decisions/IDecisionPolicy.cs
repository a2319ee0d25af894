using System.Globalization;
using DistillGuard.Core.Enforcement;
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
    ActionDecision Decide(AccountVerdict? verdict, DateTimeOffset now);
}

/// <summary>One decision before it is stamped with an id: the action, why, and until when.</summary>
public sealed record ActionDecision(EnforcementAction Action, IReadOnlyList<string> Reasons, DateTimeOffset? ExpiresAt);

/// <summary>
/// A policy of the enforcement core (<see cref="Policy"/>: the built-in one, or a policy file read by <see cref="PolicyJson"/>,
/// the same file <c>backtest</c> reads) as the service applies it: an account without a verdict gets <c>allow</c>, and a
/// decision carries the rule that made it and the verdict's reasons.
/// </summary>
public sealed class EnforcementPolicy(Policy policy) : IDecisionPolicy
{
    public static EnforcementPolicy BuiltIn { get; } = new(Policy.Default);

    public string Version => policy.Version;

    public bool Shadow => policy.Mode == PolicyMode.Shadow;

    public ActionDecision Decide(AccountVerdict? verdict, DateTimeOffset now)
    {
        if (verdict is null)
        {
            return new ActionDecision(EnforcementAction.Allow, ["no verdict for this account yet: an account never seen gives no grounds to act"], null);
        }

        var decision = PolicyEngine.Decide(policy, new PolicySubject(verdict.AccountId, verdict.Verdict, verdict.RiskScore, verdict.CampaignId), now);
        var reasons = verdict.Reasons.Select(r => r.Evidence);
        var why = decision.Rule is { } rule
            ? string.Create(CultureInfo.InvariantCulture, $"policy {policy.Version} rule '{rule}': {decision.Intended.ToContract()}")
            : null;
        // The intended action, even in shadow mode: the audit records what the policy would do, and Applied tells the gateway allow.
        return new ActionDecision(decision.Intended, why is null ? [.. reasons] : [why, .. reasons], decision.ExpiresAt);
    }
}

/// <summary>Reads a policy file, for the service and for <c>backtest</c>; a refused file is an <see cref="InvalidDataException"/> naming the file and the field.</summary>
public static class PolicyFiles
{
    public static EnforcementPolicy Load(string path) => new(Read(path));

    /// <summary>The file's policy as the enforcement core reads it.</summary>
    public static Policy Read(string path) => ParsePolicy(Config.StrictJson.ReadText(path, "policy file"), path);

    public static EnforcementPolicy Parse(string json, string source) => new(ParsePolicy(json, source));

    private static Policy ParsePolicy(string json, string source)
    {
        var parsed = PolicyJson.Parse(json);
        return parsed.Policy ?? throw new InvalidDataException($"policy file '{source}': {parsed.Error}");
    }
}

/// <summary>How policy actions are named in the audit, and what the gateway is told.</summary>
public static class Policies
{
    /// <summary>What the gateway is told: the decision, or <c>allow</c> (no expiry) when the policy runs in shadow mode.</summary>
    public static ActionDecision Applied(this IDecisionPolicy policy, ActionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);
        return policy.Shadow ? decision with { Action = EnforcementAction.Allow, ExpiresAt = null } : decision;
    }

    /// <summary><c>policy:VERSION</c>, or <c>policy:VERSION:shadow</c> for an action recorded but not taken.</summary>
    public static string Actor(IDecisionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return "policy:" + policy.Version + (policy.Shadow ? ":shadow" : "");
    }
}
