using System.Buffers;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Content;

/// <summary>
/// A lexical capability classifier: cue-word weights plus a few structural cues (code fences,
/// LaTeX, numbers, declared tools). Cheap enough for every exchange at full volume.
/// </summary>
public sealed class CapabilityClassifier
{
    /// <summary>Scratch characters a word is lower-cased into (longer words are cut, as <see cref="PromptWords.Lower"/> does).</summary>
    private const int ScratchLength = 48;

    /// <summary>Characters of the head in which arithmetic operators are counted.</summary>
    private const int ArithmeticWindow = 800;

    private static readonly SearchValues<string> CodingCues = SearchValues.Create(["```", "def ", "();", "=>", "#include", ">>>"], StringComparison.Ordinal);
    private static readonly SearchValues<string> MathCues = SearchValues.Create(["\\frac", "$$", "\\(", "^2", "\\sqrt"], StringComparison.Ordinal);
    private static readonly SearchValues<char> Operators = SearchValues.Create("+*/=^×÷");

    private readonly Dictionary<string, (Capability Capability, double Weight)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Words outside these lengths cannot be cue words, so they are counted without being lower-cased or looked up.
    private readonly int _shortestCue;
    private readonly int _longestCue;

    // The (first character, length) pairs of the cue words that open on an ASCII character, indexed by the lower-cased
    // character times (longest cue + 1) plus the length: a word whose pair is not among them is no cue, and is counted
    // without being lower-cased or looked up. A word that opens on any other character is always looked up.
    private readonly bool[] _cueOpenings;

    public CapabilityClassifier()
    {
        var map = new Dictionary<string, (Capability, double)>(CapabilityLexicon.Build(), StringComparer.Ordinal);
        _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        _shortestCue = map.Keys.Min(k => k.Length);
        _longestCue = map.Keys.Max(k => k.Length);
        _cueOpenings = new bool[128 * (_longestCue + 1)];
        foreach (var key in map.Keys.Where(k => k[0] < 128))
        {
            _cueOpenings[(key[0] * (_longestCue + 1)) + key.Length] = true;
        }
    }

    /// <summary>Shared instance; the classifier is immutable and thread-safe.</summary>
    public static CapabilityClassifier Default { get; } = new();

    public Capability Classify(string prompt, int toolsDeclared = 0)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Span<double> scores = stackalloc double[Capabilities.Count];
        var window = PromptWords.Spans(prompt);
        Score(window.Head, scores);
        if (window.Tail.Length > 0)
        {
            Score(window.Tail, scores);
        }

        AddStructuralCues(window.Head, scores);
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

        return best == Capability.Other && window.Head.Length < 80 ? Capability.Chat : best;
    }

    private void Score(ReadOnlySpan<char> text, Span<double> scores)
    {
        Span<char> scratch = stackalloc char[ScratchLength];
        Span<double> local = stackalloc double[Capabilities.Count];
        local.Clear();
        var words = 0;
        var i = 0;
        while (PromptWords.NextWord(text, ref i, out var start, out var length))
        {
            words++;
            // A word longer than the scratch is cut to it, and no cue is that long, so the length test holds for the cut word too.
            if (length >= _shortestCue && length <= _longestCue && MayBeCue(text[start], length)
                && _lookup.TryGetValue(PromptWords.Lower(text, start, length, scratch), out var cue))
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

    private bool MayBeCue(char first, int length) =>
        first >= 128 || _cueOpenings[((first is >= 'A' and <= 'Z' ? first | 0x20 : first) * (_longestCue + 1)) + length];

    private static void AddStructuralCues(ReadOnlySpan<char> head, Span<double> scores)
    {
        if (head.ContainsAny(CodingCues))
        {
            scores[(int)Capability.Coding] += 4;
        }

        if (head.ContainsAny(MathCues))
        {
            scores[(int)Capability.Math] += 2.5;
        }

        // Arithmetic: a digit, an operator, a digit ("3 + 4", "x=12", "5*6"); bare numbers such
        // as order ids and prices are not math.
        var operations = 0;
        var window = head[..Math.Min(head.Length, ArithmeticWindow)];
        for (var i = 1; i < window.Length - 1; i++)
        {
            var next = window[i..^1].IndexOfAny(Operators);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (HasDigitNear(window, i))
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
