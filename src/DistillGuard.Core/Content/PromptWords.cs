namespace DistillGuard.Core.Content;

/// <summary>
/// Splits prompt text into lower-cased words (letters and digits; other scripts kept per char run).
/// Works on a bounded window of the text so a 50 MB prompt costs the same as a short one.
/// </summary>
public static class PromptWords
{
    /// <summary>Characters looked at from the start of a prompt.</summary>
    public const int HeadWindow = 4096;

    /// <summary>Characters looked at from the end of a long prompt.</summary>
    public const int TailWindow = 1024;

    /// <summary>The bounded view of a prompt that content signals read: its head, and its tail if long.</summary>
    public static (string Head, string Tail) Window(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Length <= HeadWindow + TailWindow)
        {
            return (prompt, string.Empty);
        }

        return (prompt[..HeadWindow], prompt[^TailWindow..]);
    }

    /// <summary>Calls <paramref name="onWord"/> for each word, lower-cased into a scratch buffer.</summary>
    public static void ForEach(ReadOnlySpan<char> text, Span<char> scratch, WordAction onWord)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            var length = Math.Min(i - start, scratch.Length);
            if (length == 0)
            {
                continue;
            }

            var word = scratch[..length];
            text.Slice(start, length).ToLowerInvariant(word);
            onWord(word);
        }
    }

    /// <summary>A callback over one lower-cased word.</summary>
    public delegate void WordAction(ReadOnlySpan<char> word);
}
