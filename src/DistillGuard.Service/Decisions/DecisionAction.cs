namespace DistillGuard.Service.Decisions;

/// <summary>What the gateway is told to do with a request (contract: <c>action</c>).</summary>
public enum DecisionAction
{
    Allow,
    Throttle,
    Challenge,

    /// <summary>Serve the answer without its reasoning trace: the defence against reasoning-trace harvesting.</summary>
    WithholdReasoning,
    Block,
}

/// <summary>The contract's spelling of <see cref="DecisionAction"/>.</summary>
public static class DecisionActions
{
    public static string ToContract(this DecisionAction action) => action switch
    {
        DecisionAction.Allow => "allow",
        DecisionAction.Throttle => "throttle",
        DecisionAction.Challenge => "challenge",
        DecisionAction.WithholdReasoning => "withhold_reasoning",
        DecisionAction.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
