using DistillGuard.Core.Model;

namespace DistillGuard.Core.Content;

/// <summary>
/// A lexical capability classifier: cue-word weights plus a few structural cues (code fences,
/// LaTeX, numbers, declared tools). Cheap enough for every exchange at full volume.
/// </summary>
public sealed class CapabilityClassifier
{
    private readonly Dictionary<string, (Capability Capability, double Weight)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CapabilityClassifier()
    {
        var map = new Dictionary<string, (Capability, double)>(CapabilityLexicon.Build(), StringComparer.Ordinal);
        _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Shared instance; the classifier is immutable and thread-safe.</summary>
    public static CapabilityClassifier Default { get; } = new();

    public Capability Classify(string prompt, int toolsDeclared = 0)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Span<double> scores = stackalloc double[Capabilities.Count];
        var (head, tail) = PromptWords.Window(prompt);
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

    private void Score(string text, Span<double> scores)
    {
        Span<char> scratch = stackalloc char[48];
        Span<double> local = stackalloc double[Capabilities.Count];
        local.Clear();
        var words = 0;
        var i = 0;
        while (PromptWords.NextWord(text, ref i, out var start, out var length))
        {
            words++;
            if (_lookup.TryGetValue(PromptWords.Lower(text, start, length, scratch), out var cue))
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
}
