namespace DistillGuard.Simulation.Prompts;

/// <summary>A conversation opener and, optionally, the user's later turns.</summary>
internal sealed record PromptItem(string Text, IReadOnlyList<string> Turns)
{
    public static PromptItem Single(string text) => new(text, []);
}

/// <summary>Draws prompts; implementations are procedural grammars or loaded corpora.</summary>
internal interface IPromptSource
{
    PromptItem Next(Random rng);

    /// <summary>
    /// A source that walks the items without repeating (as an operator sweeping a dataset does).
    /// Procedural grammars rarely repeat anyway, so they return themselves.
    /// </summary>
    IPromptSource Sweep(Random rng) => this;
}
