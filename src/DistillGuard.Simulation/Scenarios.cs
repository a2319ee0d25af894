using DistillGuard.Simulation.ScenarioSpecs;

namespace DistillGuard.Simulation;

/// <summary>The scenario names <see cref="Simulator.Run"/> accepts.</summary>
public static class Scenarios
{
    /// <summary>Valid scenario names, e.g. <c>tiny</c> (tests) and <c>default</c>.</summary>
    public static IReadOnlyList<string> Names => ScenarioCatalog.Names;
}
