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

    /// <summary>Scratch characters a word is lower-cased into (longer words are cut, as <see cref="PromptWords.Lower"/> does).</summary>
    private const int ScratchLength = 48;

    public static TemplateKeys Of(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var window = PromptWords.Spans(prompt);
        Span<char> scratch = stackalloc char[ScratchLength];

        // Only the first and the last eight words are read: the opening walking forward, the closing walking back.
        var (headHash, any) = Opening(window, scratch);
        if (!any)
        {
            return new TemplateKeys(0, 0);
        }

        // The last Words + 1 words, newest first: the extra one tells whether a break precedes the oldest of the eight.
        Span<Word> last = stackalloc Word[Words + 1];
        var found = Closing(window, last);
        if (found <= Words)
        {
            return new TemplateKeys(StableHash.Combine(headHash, 1), 0);
        }

        // The closing line: the words after the last line break among the final eight, when enough follow it.
        // last[Words - 1 - i] is the i-th of the final eight in reading order; its predecessor is last[Words - i].
        var from = 0;
        for (var i = Words - MinLineWords; i > 0; i--)
        {
            if (AfterBreak(window, last[Words - i], last[Words - 1 - i]))
            {
                from = i;
                break;
            }
        }

        var tailHash = 0UL;
        for (var i = from; i < Words; i++)
        {
            var word = last[Words - 1 - i];
            tailHash = StableHash.Combine(tailHash, PromptWords.Hash(word.Segment == 0 ? window.Head : window.Tail, word.Start, word.Length, scratch));
        }

        return new TemplateKeys(StableHash.Combine(headHash, 1), StableHash.Combine(tailHash, 2));
    }

    /// <summary>The hash of the opening words (up to <see cref="Words"/>, or a first line of at least <see cref="MinLineWords"/>), and whether the prompt has a word at all.</summary>
    private static (ulong Hash, bool Any) Opening(PromptWindow window, Span<char> scratch)
    {
        var hash = 0UL;
        var words = 0;
        for (var segment = 0; segment < 2; segment++)
        {
            var text = segment == 0 ? window.Head : window.Tail;
            var i = 0;
            var previousEnd = 0;
            while (PromptWords.NextWord(text, ref i, out var start, out var length))
            {
                var afterBreak = words > 0 && (segment == 1 || text[previousEnd..start].Contains('\n'));
                previousEnd = start + length;
                if ((afterBreak && words >= MinLineWords) || words == Words)
                {
                    return (hash, true);
                }

                hash = StableHash.Combine(hash, PromptWords.Hash(text, start, length, scratch));
                words++;
            }
        }

        return (hash, words > 0);
    }

    /// <summary>Fills <paramref name="last"/> with the prompt's last words, newest first; returns how many it found.</summary>
    private static int Closing(PromptWindow window, Span<Word> last)
    {
        var found = 0;
        for (var segment = 1; segment >= 0 && found < last.Length; segment--)
        {
            var text = segment == 0 ? window.Head : window.Tail;
            var i = text.Length;
            while (found < last.Length && PromptWords.PreviousWord(text, ref i, out var start, out var length))
            {
                last[found++] = new Word(segment, start, length);
            }
        }

        return found;
    }

    /// <summary>Whether <paramref name="word"/> opens a line: it is in the tail window, or a line break separates it from <paramref name="previous"/>.</summary>
    private static bool AfterBreak(PromptWindow window, Word previous, Word word) =>
        word.Segment == 1 || window.Head[(previous.Start + previous.Length)..word.Start].Contains('\n');

    private readonly record struct Word(int Segment, int Start, int Length);
}
