namespace DistillGuard.Simulation.Traffic;

/// <summary>
/// How one population calls the API: model, caps, sampling and the distributions its token
/// counts come from. Token counts are derived from these, never set per population by hand.
/// </summary>
internal sealed record CallShape(
    string Model,
    string? SystemPrompt,
    double OutputMedian,
    double OutputSigma,
    long? MaxTokens,
    double? Temperature,
    double ThinkingShare,
    double ReasoningMedian,
    int? ToolsDeclared,
    double ToolCallShare,
    bool SendsConversation,
    double RefusalRate = 0.003,
    double ErrorRate = 0.004);

/// <summary>Model names of the simulated API.</summary>
internal static class Models
{
    public const string Large = "frontier-xl-2026-02";
    public const string Medium = "frontier-l-2026-02";
    public const string Small = "frontier-s-2025-11";

    /// <summary>A model released during a scenario (see <c>ScenarioSpec.Release</c>).</summary>
    public const string Next = "frontier-xl-2026-05";

    public static readonly IReadOnlyList<string> All = [Large, Medium, Small];
}
