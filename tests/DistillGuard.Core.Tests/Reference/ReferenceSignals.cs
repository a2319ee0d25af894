using System.Buffers;
using DistillGuard.Core.Content;
using DistillGuard.Core.Model;
using DistillGuard.Core.Similarity;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Tests.Reference;

/// <summary>
/// The content signals as they were before #20 made them cheaper (copied from that build): the classifier, the
/// reasoning cue and the template keys, over string windows with one scan per cue. The tests hold the current code
/// to the same answers on every prompt.
/// </summary>
internal static class ReferenceSignals
{
    private static readonly Dictionary<string, (Capability Capability, double Weight)>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        new Dictionary<string, (Capability, double)>(CapabilityLexicon.Build(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static (string Head, string Tail) Window(string prompt) =>
        prompt.Length <= PromptWords.HeadWindow + PromptWords.TailWindow
            ? (prompt, string.Empty)
            : (prompt[..PromptWords.HeadWindow], prompt[^PromptWords.TailWindow..]);

    public static Capability Classify(string prompt, int toolsDeclared = 0)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Span<double> scores = stackalloc double[Capabilities.Count];
        var (head, tail) = Window(prompt);
        Score(head, scores);
        if (tail.Length > 0)
        {
            Score(tail, scores);
        }

        AddStructuralCues(head, scores);
        if (toolsDeclared > 0)
        {
            scores[(int)Capability.AgenticToolUse] += 3 + Math.Min(toolsDeclared, 10) * 0.3;
        }

        var best = Capability.Other;
        var bestScore = 1.5; // below this nothing stands out
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > bestScore)
            {
                best = (Capability)i;
                bestScore = scores[i];
            }
        }

        return best == Capability.Other && head.Length < 80 ? Capability.Chat : best;
    }

    private static void Score(string text, Span<double> scores)
    {
        Span<char> scratch = stackalloc char[48];
        Span<double> local = stackalloc double[Capabilities.Count];
        local.Clear();
        var words = 0;
        var i = 0;
        while (NextWord(text, ref i, out var start, out var length))
        {
            words++;
            if (Lookup.TryGetValue(Lower(text, start, length, scratch), out var cue))
            {
                local[(int)cue.Capability] += cue.Weight;
            }
        }

        // Long prompts accumulate cues; damp so that density, not length, decides.
        var damp = words > 60 ? Math.Sqrt(60.0 / words) : 1.0;
        for (var c = 0; c < local.Length; c++)
        {
            scores[c] += local[c] * damp;
        }
    }

    private static void AddStructuralCues(string head, Span<double> scores)
    {
        if (head.Contains("```", StringComparison.Ordinal) || head.Contains("def ", StringComparison.Ordinal)
            || head.Contains("();", StringComparison.Ordinal) || head.Contains("=>", StringComparison.Ordinal)
            || head.Contains("#include", StringComparison.Ordinal) || head.Contains(">>>", StringComparison.Ordinal))
        {
            scores[(int)Capability.Coding] += 4;
        }

        if (head.Contains("\\frac", StringComparison.Ordinal) || head.Contains("$$", StringComparison.Ordinal)
            || head.Contains("\\(", StringComparison.Ordinal) || head.Contains("^2", StringComparison.Ordinal)
            || head.Contains("\\sqrt", StringComparison.Ordinal))
        {
            scores[(int)Capability.Math] += 2.5;
        }

        // Arithmetic: a digit, an operator, a digit ("3 + 4", "x=12", "5*6"); bare numbers such
        // as order ids and prices are not math.
        var operations = 0;
        var window = head.AsSpan(0, Math.Min(head.Length, 800));
        for (var i = 1; i < window.Length - 1; i++)
        {
            if (window[i] is '+' or '*' or '/' or '=' or '^' or '×' or '÷' && HasDigitNear(window, i))
            {
                operations++;
            }
        }

        scores[(int)Capability.Math] += Math.Min(operations, 5) * 0.6;
    }

    private static bool HasDigitNear(ReadOnlySpan<char> text, int at)
    {
        var before = at - 1;
        while (before >= 0 && text[before] == ' ')
        {
            before--;
        }

        var after = at + 1;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        return before >= 0 && after < text.Length && (char.IsAsciiDigit(text[before]) || char.IsAsciiLetter(text[before]))
            && char.IsAsciiDigit(text[after]);
    }

    private static readonly SearchValues<string> Search = SearchValues.Create(ReasoningElicitation.KnownPhrases.ToArray(), StringComparison.OrdinalIgnoreCase);


    public static bool DetectReasoning(string prompt, string? systemPrompt = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var (head, tail) = Window(prompt);
        return head.AsSpan().ContainsAny(Search)
            || (tail.Length > 0 && tail.AsSpan().ContainsAny(Search))
            || (systemPrompt is not null && Window(systemPrompt).Head.AsSpan().ContainsAny(Search));
    }

    public static TemplateKeys Template(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var (head, tail) = Window(prompt);
        Span<char> scratch = stackalloc char[48];

        // Only the first and the last eight words are hashed: the rest is walked over, not read.
        var headHash = 0UL;
        var headDone = false;
        var headWords = 0;
        var count = 0;
        Span<(int Segment, int Start, int Length, bool AfterBreak)> last = stackalloc (int, int, int, bool)[TemplateKeys.Words];
        for (var segment = 0; segment < 2; segment++)
        {
            var text = segment == 0 ? head.AsSpan() : tail.AsSpan();
            var i = 0;
            var previousEnd = 0;
            while (NextWord(text, ref i, out var start, out var length))
            {
                var afterBreak = count > 0 && (segment == 1 || text[previousEnd..start].Contains('\n'));
                previousEnd = start + length;
                if (afterBreak && headWords >= TemplateKeys.MinLineWords)
                {
                    headDone = true;
                }

                if (!headDone && headWords < TemplateKeys.Words)
                {
                    headHash = StableHash.Combine(headHash, Hash(text, start, length, scratch));
                    headWords++;
                }

                last[count % TemplateKeys.Words] = (segment, start, length, afterBreak);
                count++;
            }
        }

        if (count == 0)
        {
            return new TemplateKeys(0, 0);
        }

        if (count <= TemplateKeys.Words)
        {
            return new TemplateKeys(StableHash.Combine(headHash, 1), 0);
        }

        // The closing line: the words after the last line break among the final eight, when enough follow it.
        var from = 0;
        for (var i = TemplateKeys.Words - TemplateKeys.MinLineWords; i > 0; i--)
        {
            if (last[(count + i) % TemplateKeys.Words].AfterBreak)
            {
                from = i;
                break;
            }
        }

        var tailHash = 0UL;
        for (var i = from; i < TemplateKeys.Words; i++)
        {
            var (segment, start, length, _) = last[(count + i) % TemplateKeys.Words];
            tailHash = StableHash.Combine(tailHash, Hash(segment == 0 ? head : tail, start, length, scratch));
        }

        return new TemplateKeys(StableHash.Combine(headHash, 1), StableHash.Combine(tailHash, 2));
    }

    /// <summary>The word at <paramref name="start"/>, lower-cased into <paramref name="scratch"/> and cut to its length.</summary>
    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> text, int start, int length, Span<char> scratch)
    {
        var word = scratch[..Math.Min(length, scratch.Length)];
        text.Slice(start, word.Length).ToLowerInvariant(word);
        return word;
    }

    /// <summary>The stable hash of the word at <paramref name="start"/>, lower-cased and cut to the scratch length as <see cref="Lower"/> does.</summary>
    private static ulong Hash(ReadOnlySpan<char> text, int start, int length, Span<char> scratch) =>
        StableHash.Of(Lower(text, start, length, scratch));

    /// <summary>
    /// Finds the next word at or after <paramref name="position"/> (letters and digits, with inner
    /// apostrophes) and moves past it; false when none is left. No allocation, no lower-casing.
    /// </summary>
    private static bool NextWord(ReadOnlySpan<char> text, ref int position, out int start, out int length)
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
}
