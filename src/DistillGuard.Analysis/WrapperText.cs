using DistillGuard.Core.Content;
using DistillGuard.Core.Features;

namespace DistillGuard.Analysis;

/// <summary>Where a prompt's wrapper sits, and which prompts are long enough to hold one (shared by the sharing and embedding samples).</summary>
internal static class WrapperText
{
    /// <summary>
    /// A wrapper frames a payload, so only prompts long enough to hold both are sampled; short prompts
    /// ("hi", "thanks") would make everyone's samples alike.
    /// </summary>
    public const int MinWords = 12;

    /// <summary>Whether a prompt can carry a wrapper at all (cheap: its template keys show a tail); check before cutting text.</summary>
    public static bool MayFrame(in ExchangeSignals signals) => signals.Template.Tail != 0;

    /// <summary>Whether a cut of a prompt has enough words to be a wrapper.</summary>
    public static bool HasWrapperLength(string text) => text.Count(char.IsWhiteSpace) >= MinWords - 1;

    /// <summary>The part of a prompt where a wrapper sits: its first thirty and last ten words.</summary>
    public static string Of(string prompt)
    {
        var (head, tail) = PromptWords.Window(prompt);
        var words = (tail.Length > 0 ? head + " " + tail : head).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 40 ? string.Join(' ', words) : string.Join(' ', words.Take(30).Concat(words.Skip(words.Length - 10)));
    }

    /// <summary>The first <paramref name="words"/> whitespace-separated words of a prompt, joined by single spaces.</summary>
    public static string Head(string prompt, int words)
    {
        var (head, _) = PromptWords.Window(prompt);
        return string.Join(' ', head.Split((char[]?)null, words + 1, StringSplitOptions.RemoveEmptyEntries).Take(words));
    }
}
