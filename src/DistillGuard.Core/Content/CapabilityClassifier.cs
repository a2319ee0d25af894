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
        var words = 0;
        var local = new double[Capabilities.Count];
        PromptWords.ForEach(text, scratch, word =>
        {
            words++;
            if (_lookup.TryGetValue(word, out var cue))
            {
                local[(int)cue.Capability] += cue.Weight;
            }
        });

        // Long prompts accumulate cues; damp so that density, not length, decides.
        var damp = words > 60 ? Math.Sqrt(60.0 / words) : 1.0;
        for (var i = 0; i < local.Length; i++)
        {
            scores[i] += local[i] * damp;
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

        if (head.Contains("\\frac", StringComparison.Ordinal) || head.Contains('$')
            || head.Contains("\\(", StringComparison.Ordinal) || head.Contains("^2", StringComparison.Ordinal))
        {
            scores[(int)Capability.Math] += 2.5;
        }

        var digits = 0;
        foreach (var c in head.AsSpan(0, Math.Min(head.Length, 600)))
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        if (digits >= 4)
        {
            scores[(int)Capability.Math] += Math.Min(digits, 20) * 0.1;
        }
    }
}
