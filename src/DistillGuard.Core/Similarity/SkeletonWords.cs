using DistillGuard.Core.Content;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Similarity;

/// <summary>
/// A consistent sample of a prompt's distinctive words: the <see cref="Count"/> words (of four
/// letters or more, not function words) with the smallest hashes. Across an account's prompts the
/// words of a fixed or paraphrased wrapper, and of the dataset it sweeps, keep being sampled while
/// payload words change, so the account's heavy hitters among these samples describe its
/// template skeleton even when the wrapper's wording varies.
/// </summary>
public static class SkeletonWords
{
    public const int Count = 2;
    private const int EdgeWords = 12;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "this", "that", "with", "from", "have", "what", "your", "about", "which", "there", "their", "would", "could",
        "should", "will", "into", "than", "then", "them", "they", "these", "those", "when", "where", "while", "were",
        "been", "being", "also", "some", "more", "most", "such", "only", "very", "just", "like", "each", "other",
        "does", "make", "made", "want", "need", "please", "thanks", "thank", "here", "following", "below", "above",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Stop = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Fills <paramref name="sample"/> with up to <see cref="Count"/> word hashes (0 = none) from the prompt's first and last words, where a wrapper sits.</summary>
    public static void Sample(string prompt, Span<ulong> sample)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var (head, tail) = PromptWords.Window(prompt);
        var words = new List<ulong>(64);
        Span<char> scratch = stackalloc char[32];
        PromptWords.ForEach(head, scratch, word => Collect(word, words));
        if (tail.Length > 0)
        {
            PromptWords.ForEach(tail, scratch, word => Collect(word, words));
        }

        var edges = words.Count <= 2 * EdgeWords ? words : [.. words.Take(EdgeWords), .. words.Skip(words.Count - EdgeWords)];
        var smallest = edges.Distinct().Order().Take(sample.Length).ToArray();
        sample.Clear();
        smallest.CopyTo(sample);
    }

    private static void Collect(ReadOnlySpan<char> word, List<ulong> words)
    {
        if (word.Length >= 4 && !Stop.Contains(word) && !char.IsAsciiDigit(word[0]))
        {
            words.Add(StableHash.Combine(StableHash.Of(word), 0xC0FFEE));
        }
    }
}
