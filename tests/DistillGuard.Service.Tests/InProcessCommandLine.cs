namespace DistillGuard.Service.Tests;

/// <summary>
/// Test classes that run the real command line in-process. Spectre.Console allows one live display (a progress bar) at a
/// time in a process, so these classes run one after another, never beside each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessCommandLine
{
    public const string Name = "command line in-process";
}
