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
        var headHash = 0UL;
        var count = 0;
        var ringArray = new ulong[Words];
        Span<char> scratch = stackalloc char[48];
        PromptWords.ForEach(tail.Length > 0 ? head + " " + tail : head, scratch, word =>
        {
            var h = StableHash.Of(word);
            if (count < Words)
            {
                headHash = StableHash.Combine(headHash, h);
            }

            ringArray[count % Words] = h;
            count++;
        });

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
            tailHash = StableHash.Combine(tailHash, ringArray[(count + i) % Words]);
        }

        return new TemplateKeys(StableHash.Combine(headHash, 1), StableHash.Combine(tailHash, 2));
    }
}
