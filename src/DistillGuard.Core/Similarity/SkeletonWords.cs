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
    public const int Count = 4;
    private const int MaxWords = 48;

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "this", "that", "with", "from", "have", "what", "your", "about", "which", "there", "their", "would", "could",
        "should", "will", "into", "than", "then", "them", "they", "these", "those", "when", "where", "while", "were",
        "been", "being", "also", "some", "more", "most", "such", "only", "very", "just", "like", "each", "other",
        "does", "make", "made", "want", "need", "please", "thanks", "thank", "here", "following", "below", "above",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Stop = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Fills <paramref name="sample"/> with up to <see cref="Count"/> word hashes (0 = none) from the prompt's head and tail.</summary>
    public static void Sample(string prompt, Span<ulong> sample)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        sample.Fill(ulong.MaxValue);
        var (head, tail) = PromptWords.Window(prompt);
        Span<char> scratch = stackalloc char[32];
        var state = new Sampler(sample.Length);
        PromptWords.ForEach(head, scratch, state.Offer);
        if (tail.Length > 0)
        {
            PromptWords.ForEach(tail, scratch, state.Offer);
        }

        state.CopyTo(sample);
    }

    private sealed class Sampler(int size)
    {
        private readonly ulong[] _smallest = Enumerable.Repeat(ulong.MaxValue, size).ToArray();
        private int _seen;

        public void Offer(ReadOnlySpan<char> word)
        {
            if (_seen >= MaxWords * 2 || word.Length < 4 || Stop.Contains(word) || char.IsAsciiDigit(word[0]))
            {
                return;
            }

            _seen++;
            var hash = StableHash.Combine(StableHash.Of(word), 0xC0FFEE);
            var largest = 0;
            for (var i = 0; i < _smallest.Length; i++)
            {
                if (_smallest[i] == hash)
                {
                    return;
                }

                if (_smallest[i] > _smallest[largest])
                {
                    largest = i;
                }
            }

            if (hash < _smallest[largest])
            {
                _smallest[largest] = hash;
            }
        }

        public void CopyTo(Span<ulong> sample)
        {
            for (var i = 0; i < _smallest.Length; i++)
            {
                sample[i] = _smallest[i] == ulong.MaxValue ? 0 : _smallest[i];
            }
        }
    }
}
