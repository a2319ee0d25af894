namespace DistillGuard.Core.Model;

/// <summary>What a prompt asks the model to do; the targets of a harvester are the first five.</summary>
public enum Capability
{
    Coding = 0,
    Math,
    Reasoning,
    AgenticToolUse,
    Planning,
    Writing,
    Chat,
    DataProcessing,
    Other,
}

/// <summary>Names and groupings of <see cref="Capability"/>.</summary>
public static class Capabilities
{
    public const int Count = 9;

    public static IReadOnlyList<Capability> All { get; } = Enum.GetValues<Capability>();

    /// <summary>Capabilities that distillation operators target (agentic reasoning, SWE, planning, math).</summary>
    public static bool IsHarvestTarget(Capability capability) => capability <= Capability.Planning;

    public static string ToContract(this Capability capability) => capability switch
    {
        Capability.Coding => "coding",
        Capability.Math => "math",
        Capability.Reasoning => "reasoning",
        Capability.AgenticToolUse => "agentic_tool_use",
        Capability.Planning => "planning",
        Capability.Writing => "writing",
        Capability.Chat => "chat",
        Capability.DataProcessing => "data_processing",
        _ => "other",
    };
}
