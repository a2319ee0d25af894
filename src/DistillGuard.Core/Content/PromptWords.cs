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

    /// <summary>The same view as <see cref="Window"/>, as spans over the prompt (no copy).</summary>
    public static PromptWindow Spans(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return prompt.Length <= HeadWindow + TailWindow
            ? new PromptWindow(prompt, [])
            : new PromptWindow(prompt.AsSpan(0, HeadWindow), prompt.AsSpan(prompt.Length - TailWindow));
    }

    /// <summary>Calls <paramref name="onWord"/> for each word, lower-cased into a scratch buffer.</summary>
    public static void ForEach(ReadOnlySpan<char> text, Span<char> scratch, WordAction onWord)
    {
        var i = 0;
        while (NextWord(text, ref i, out var start, out var length))
        {
            onWord(Lower(text, start, length, scratch));
        }
    }

    /// <summary>The word at <paramref name="start"/>, lower-cased into <paramref name="scratch"/> and cut to its length.</summary>
    public static ReadOnlySpan<char> Lower(ReadOnlySpan<char> text, int start, int length, Span<char> scratch)
    {
        var word = scratch[..Math.Min(length, scratch.Length)];
        text.Slice(start, word.Length).ToLowerInvariant(word);
        return word;
    }

    /// <summary>The stable hash of the word at <paramref name="start"/>, lower-cased and cut to the scratch length as <see cref="Lower"/> does.</summary>
    public static ulong Hash(ReadOnlySpan<char> text, int start, int length, Span<char> scratch) =>
        Sketches.StableHash.Of(Lower(text, start, length, scratch));

    /// <summary>
    /// Finds the next word at or after <paramref name="position"/> (letters and digits, with inner
    /// apostrophes) and moves past it; false when none is left. No allocation, no lower-casing.
    /// </summary>
    public static bool NextWord(ReadOnlySpan<char> text, ref int position, out int start, out int length)
    {
        var i = position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
        {
            i++;
        }

        position = i;
        length = i - start;
        return length > 0;
    }

    /// <summary>
    /// Finds the last word ending at or before <paramref name="position"/> and moves before it; false when none is left.
    /// The words are those <see cref="NextWord"/> finds walking forward over the whole text: maximal runs of letters and
    /// digits with the apostrophes that sit between a letter or digit and a letter.
    /// </summary>
    public static bool PreviousWord(ReadOnlySpan<char> text, ref int position, out int start, out int length)
    {
        var i = position;
        while (i > 0 && !InWord(text, i - 1))
        {
            i--;
        }

        var end = i;
        while (i > 0 && InWord(text, i - 1))
        {
            i--;
        }

        position = i;
        start = i;
        length = end - i;
        return length > 0;
    }

    private static bool InWord(ReadOnlySpan<char> text, int at) =>
        char.IsLetterOrDigit(text[at])
        || (text[at] == '\'' && at > 0 && char.IsLetterOrDigit(text[at - 1]) && at + 1 < text.Length && char.IsLetter(text[at + 1]));

    /// <summary>A callback over one lower-cased word.</summary>
    public delegate void WordAction(ReadOnlySpan<char> word);
}

/// <summary>The bounded view of a prompt (<see cref="PromptWords.Window"/>) as spans: its head, and its tail if long (else empty).</summary>
public readonly ref struct PromptWindow(ReadOnlySpan<char> head, ReadOnlySpan<char> tail)
{
    public ReadOnlySpan<char> Head { get; } = head;

    public ReadOnlySpan<char> Tail { get; } = tail;
}
