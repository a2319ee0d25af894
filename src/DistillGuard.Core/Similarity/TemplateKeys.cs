using DistillGuard.Core.Content;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Similarity;

/// <summary>
/// Keys of a prompt's frame: a hash of its opening and of its closing words. A harvester wraps varying payloads
/// in a fixed frame, so one of the two repeats across its prompts while the payload varies; a person rarely opens
/// or closes many prompts with the same eight words. A frame line ends at a line break: an opening line of at
/// least <see cref="MinLineWords"/> words is the head by itself, and a closing line of as many is the tail, so a
/// short frame line keys the same whatever payload follows or precedes it.
/// </summary>
public readonly record struct TemplateKeys(ulong Head, ulong Tail)
{
    /// <summary>Words of the opening and of the closing read at most.</summary>
    public const int Words = 8;

    /// <summary>Words a line needs to stand as a frame line on its own (a lone label such as "Question:" does not).</summary>
    public const int MinLineWords = 3;

    public static TemplateKeys Of(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var (head, tail) = PromptWords.Window(prompt);
        Span<char> scratch = stackalloc char[48];

        // Only the first and the last eight words are hashed: the rest is walked over, not read.
        var headHash = 0UL;
        var headDone = false;
        var headWords = 0;
        var count = 0;
        Span<(int Segment, int Start, int Length, bool AfterBreak)> last = stackalloc (int, int, int, bool)[Words];
        for (var segment = 0; segment < 2; segment++)
        {
            var text = segment == 0 ? head.AsSpan() : tail.AsSpan();
            var i = 0;
            var previousEnd = 0;
            while (PromptWords.NextWord(text, ref i, out var start, out var length))
            {
                var afterBreak = count > 0 && (segment == 1 || text[previousEnd..start].Contains('\n'));
                previousEnd = start + length;
                if (afterBreak && headWords >= MinLineWords)
                {
                    headDone = true;
                }

                if (!headDone && headWords < Words)
                {
                    headHash = StableHash.Combine(headHash, PromptWords.Hash(text, start, length, scratch));
                    headWords++;
                }

                last[count % Words] = (segment, start, length, afterBreak);
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

        // The closing line: the words after the last line break among the final eight, when enough follow it.
        var from = 0;
        for (var i = Words - MinLineWords; i > 0; i--)
        {
            if (last[(count + i) % Words].AfterBreak)
            {
                from = i;
                break;
            }
        }

        var tailHash = 0UL;
        for (var i = from; i < Words; i++)
        {
            var (segment, start, length, _) = last[(count + i) % Words];
            tailHash = StableHash.Combine(tailHash, PromptWords.Hash(segment == 0 ? head : tail, start, length, scratch));
        }

        return new TemplateKeys(StableHash.Combine(headHash, 1), StableHash.Combine(tailHash, 2));
    }
}
