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
    IPromptSource Sweep(Random rng) => new DistinctPrompts(this);
}

/// <summary>Draws from a procedural source but never hands out the same opener twice (within reason).</summary>
internal sealed class DistinctPrompts(IPromptSource inner) : IPromptSource
{
    private const int Attempts = 24;
    private readonly HashSet<string> issued = new(StringComparer.Ordinal);

    public PromptItem Next(Random rng)
    {
        PromptItem item = inner.Next(rng);
        for (int i = 0; i < Attempts && !issued.Add(item.Text); i++)
        {
            item = inner.Next(rng);
        }

        return item;
    }

    public IPromptSource Sweep(Random rng) => this;
}
