namespace DistillGuard.Core.Scoring;

/// <summary>Stable machine names of the scoring signals, as stored and shown.</summary>
public static class SignalNames
{
    public const string ReasoningElicitation = "reasoning_elicitation";
    public const string HarvestCapability = "harvest_capability";
    public const string Breadth = "breadth";
    public const string OutputEconomics = "output_economics";
    public const string MaxTokensPressure = "max_tokens_pressure";
    public const string ReasoningBudget = "reasoning_budget";
    public const string RoundTheClock = "round_the_clock";
    public const string FreshAccount = "fresh_account";
    public const string TemplateReuse = "template_reuse";
    public const string Volume = "volume";
    public const string ConversationDepth = "conversation_depth";
    public const string ToolFeedback = "tool_feedback";
    public const string Coordination = "coordination";

    /// <summary>Not a signal: a note of evidence the log did not carry for the account, with no contribution.</summary>
    public const string MissingEvidence = "missing_evidence";
}
