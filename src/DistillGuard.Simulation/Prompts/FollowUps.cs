using System.Globalization;
using DistillGuard.Simulation.Randomness;
using V = DistillGuard.Simulation.Prompts.Vocabulary;

namespace DistillGuard.Simulation.Prompts;

/// <summary>Later user turns that refer back to the previous answer.</summary>
internal static class FollowUps
{
    private static readonly string[] Fixed =
    [
        "can you make it shorter", "make it shorter please", "thanks! can you explain that more simply?", "can you give an example?",
        "why?", "hmm that doesn't seem right", "ok and what's the next step?", "can you put that in a table", "more detail please",
        "that's great, thank you", "can you make it funnier", "can you rewrite it without the bullet points", "wait, I don't get the second part",
        "are you sure?", "ok now make it more formal", "nice. can you add a conclusion", "shorter", "can you explain step by step",
        "what would you do in my situation?", "and if I only have a week?", "translate that into Spanish", "can you fix the bug you mentioned",
        "it gives me an error now", "perfect, now add comments to the code", "could you summarise all of that in 3 bullet points",
    ];

    public static string Next(Random rng) => rng.Next(5) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"what about {rng.Pick(V.Topics)}?"),
        1 => string.Create(CultureInfo.InvariantCulture, $"what if it was for {rng.Pick(V.Relations)} instead?"),
        2 => string.Create(CultureInfo.InvariantCulture, $"and how would that work in {rng.Pick(V.Languages)}?"),
        _ => rng.Pick(Fixed),
    };

    /// <summary>A turns list of the given length.</summary>
    public static IReadOnlyList<string> Many(Random rng, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Next(rng))];
}
