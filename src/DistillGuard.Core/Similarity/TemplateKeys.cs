using DistillGuard.Core.Content;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Similarity;

/// <summary>
/// Keys of a prompt's wrapper: a hash of its first and of its last few words. A harvester wraps
/// varying payloads in a fixed frame, so one of the two repeats across its prompts while the
/// payload varies; a person rarely opens or closes many prompts with the same eight words.
/// </summary>
public readonly record struct TemplateKeys(ulong Head, ulong Tail)
{
    public const int Words = 8;

    public static TemplateKeys Of(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var (head, tail) = PromptWords.Window(prompt);
        Span<char> scratch = stackalloc char[48];

        // Only the first and the last eight words are hashed: the rest is walked over, not read.
        var headHash = 0UL;
        var count = 0;
        Span<(int Segment, int Start, int Length)> last = stackalloc (int, int, int)[Words];
        for (var segment = 0; segment < 2; segment++)
        {
            var text = segment == 0 ? head.AsSpan() : tail.AsSpan();
            var i = 0;
            while (PromptWords.NextWord(text, ref i, out var start, out var length))
            {
                if (count < Words)
                {
                    headHash = StableHash.Combine(headHash, PromptWords.Hash(text, start, length, scratch));
                }

                last[count % Words] = (segment, start, length);
                count++;
            }
        }

        if (count == 0)
        {
            return new TemplateKeys(0, 0);
        }

        if (count <= Words)
        {
            return new TemplateKeys(StableHash.Combine(headHash, 1), 0);
        }

        var tailHash = 0UL;
        for (var i = 0; i < Words; i++)
        {
            var (segment, start, length) = last[(count + i) % Words];
            tailHash = StableHash.Combine(tailHash, PromptWords.Hash(segment == 0 ? head : tail, start, length, scratch));
        }

        return new TemplateKeys(StableHash.Combine(headHash, 1), StableHash.Combine(tailHash, 2));
    }
}
