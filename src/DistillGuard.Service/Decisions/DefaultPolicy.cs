using DistillGuard.Core.Model;

namespace DistillGuard.Service.Decisions;

/// <summary>The built-in default policy's choices, with named defaults (contract: distillation gets an action other than allow, benign gets allow).</summary>
public sealed record DefaultPolicyOptions
{
    public static DefaultPolicyOptions Default { get; } = new();

    /// <summary>
    /// For an account judged <c>distillation</c>. Block by default: the verdict already rests on several signals and on
    /// campaign membership, and a campaign account harvests with every request it is allowed.
    /// </summary>
    public DecisionAction Distillation { get; init; } = DecisionAction.Block;

    /// <summary>For an account judged <c>suspicious</c>. Allow by default: one suspicious signal also fits heavy organic users.</summary>
    public DecisionAction Suspicious { get; init; } = DecisionAction.Allow;

    /// <summary>How long a non-allow action stands before the gateway asks again (an hour: longer than any relink period).</summary>
    public TimeSpan ActionLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Recorded with each decision.</summary>
    public string Version { get; init; } = "default-v1";

    /// <summary>Throws when the options break the contract's default policy.</summary>
    public void Validate()
    {
        if (Distillation == DecisionAction.Allow)
        {
            throw new ArgumentException("the default policy must act on a distillation verdict (Distillation may not be Allow)");
        }

        if (ActionLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("ActionLifetime must be positive");
        }
    }
}

/// <summary>One decision before it is stamped with an id: the action, why, and until when.</summary>
public sealed record PolicyDecision(DecisionAction Action, IReadOnlyList<string> Reasons, DateTimeOffset? ExpiresAt);

/// <summary>The built-in default policy: a pure function of an account's verdict (null when it has none) and the time.</summary>
public static class DefaultPolicy
{
    public static PolicyDecision Decide(AccountVerdict? verdict, DateTimeOffset now, DefaultPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (verdict is null)
        {
            return new PolicyDecision(DecisionAction.Allow, ["no verdict for this account yet: an account never seen gives no grounds to act"], null);
        }

        var action = verdict.Verdict switch
        {
            Verdict.Distillation => options.Distillation,
            Verdict.Suspicious => options.Suspicious,
            _ => DecisionAction.Allow,
        };
        var reasons = verdict.Reasons.Select(r => r.Evidence).ToArray();
        return new PolicyDecision(action, reasons, action == DecisionAction.Allow ? null : now + options.ActionLifetime);
    }
}
