using System.Text;
using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.Prompts;

/// <summary>
/// How often, and how much, people paste into a prompt: a document, an e-mail thread, a log or a file, after the
/// question they ask about it. Real prompts run to hundreds of characters this way; the generators' own are short.
/// </summary>
/// <param name="Share">Share of openers that carry a pasted block.</param>
/// <param name="MedianWords">Median words of a pasted block (log-normal).</param>
internal sealed record PastedContextSpec(double Share, double MedianWords)
{
    /// <summary>Spread of a block's length (log-normal sigma): most blocks are a paragraph or three, a few a page.</summary>
    public const double Sigma = 0.6;

    /// <summary>Longest block, in words.</summary>
    public const int MaxWords = 1500;
}

/// <summary>A prompt source whose openers carry a pasted block at the rate <see cref="PastedContextSpec"/> gives; later turns are left as they are.</summary>
internal sealed class PastedContext(IPromptSource inner, PastedContextSpec spec) : IPromptSource
{
    private static readonly string[] Intros = ["", "Here is the text:", "Context:", "For reference:", "Pasted below:", "The document:"];

    private static readonly string[] Words =
    [
        "the", "a", "of", "and", "to", "in", "is", "for", "that", "on", "with", "as", "was", "it", "by", "be", "this", "are",
        "from", "at", "or", "an", "have", "which", "not", "has", "were", "but", "all", "their", "been", "report", "customer",
        "system", "value", "quarter", "team", "process", "service", "order", "account", "result", "change", "data", "policy",
        "meeting", "review", "project", "budget", "release", "error", "request", "response", "market", "model", "version",
        "update", "support", "schedule", "design", "feature", "issue", "table", "number", "section", "figure", "note",
        "increase", "decrease", "approved", "pending", "final", "initial", "previous", "current", "annual", "weekly",
        "internal", "external", "regional", "manager", "engineer", "contract", "invoice", "delivery", "payment", "revenue",
    ];

    public PromptItem Next(Random rng)
    {
        var item = inner.Next(rng);
        return rng.NextDouble() < spec.Share ? item with { Text = item.Text + "\n\n" + Block(rng) } : item;
    }

    public IPromptSource Sweep(Random rng) => new PastedContext(inner.Sweep(rng), spec);

    private string Block(Random rng)
    {
        var words = rng.LogNormalInt(spec.MedianWords, PastedContextSpec.Sigma, 10, PastedContextSpec.MaxWords);
        var text = new StringBuilder();
        var intro = Intros[rng.Next(Intros.Length)];
        if (intro.Length > 0)
        {
            text.Append(intro).Append('\n');
        }

        var sentence = 0;
        for (var i = 0; i < words; i++)
        {
            var word = Words[rng.Next(Words.Length)];
            text.Append(sentence == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            sentence++;
            if (sentence >= 8 && (rng.Next(6) == 0 || sentence >= 20))
            {
                text.Append(rng.Next(5) == 0 ? ".\n" : ". ");
                sentence = 0;
            }
            else
            {
                text.Append(' ');
            }
        }

        return text.ToString().TrimEnd() + ".";
    }
}
