namespace DistillGuard.Core.Enforcement;

/// <summary>What the gateway does with an account's next request, mildest first (the service contract's <c>action</c>).</summary>
public enum EnforcementAction
{
    Allow = 0,

    /// <summary>Serve at a reduced rate.</summary>
    Throttle,

    /// <summary>Ask the caller to prove it is a person or a known client before serving.</summary>
    Challenge,

    /// <summary>Serve the answer without its reasoning trace: the defence against harvesting written-out reasoning.</summary>
    WithholdReasoning,

    Block,
}

/// <summary>The contract's names of the actions.</summary>
public static class EnforcementActions
{
    public static string ToContract(this EnforcementAction action) => action switch
    {
        EnforcementAction.Throttle => "throttle",
        EnforcementAction.Challenge => "challenge",
        EnforcementAction.WithholdReasoning => "withhold_reasoning",
        EnforcementAction.Block => "block",
        _ => "allow",
    };

    public static bool TryParse(string? text, out EnforcementAction action)
    {
        foreach (var candidate in Enum.GetValues<EnforcementAction>())
        {
            if (string.Equals(candidate.ToContract(), text, StringComparison.Ordinal))
            {
                action = candidate;
                return true;
            }
        }

        action = EnforcementAction.Allow;
        return false;
    }

    /// <summary>Every contract name, for error messages.</summary>
    public static string Names => string.Join(", ", Enum.GetValues<EnforcementAction>().Select(a => a.ToContract()));
}
