using System.Buffers;
using System.Text;

namespace DistillGuard.Core.Content;

/// <summary>
/// Detects prompts that coerce the model into writing out its chain of thought, directly
/// ("think step by step") or indirectly (explain how you arrived at it, reconstruct or grade
/// the reasoning), in several languages. A vectorised multi-phrase search (no regex), so it runs
/// on every exchange at full volume.
/// </summary>
public static class ReasoningElicitation
{
    // Each phrase pairs a verb of showing or explaining with a reasoning noun, so "steps to
    // reproduce" or "the reason I ask" do not match. Reviewed as data: add forms here.
    private static readonly string[] Phrases =
    [
        // Direct.
        "step by step", "step-by-step", "chain of thought", "chain-of-thought", "let's think", "lets think", "let us think",
        "think carefully", "think aloud", "think out loud", "think it through", "think through", "think hard about",
        "show your work", "show all your work", "show your working", "show all work", "show your reasoning", "show the reasoning",
        "show all steps", "show all the steps", "show each step", "show every step", "show the steps", "show your steps",
        "show me your reasoning", "show your thought", "show me the steps",
        // Indirect: explain or reconstruct the reasoning.
        "explain your reasoning", "explain the reasoning", "explain each step", "explain every step", "explain the steps",
        "explain your steps", "explain your logic", "explain the logic", "explain your thought", "explain how you",
        "how you arrived", "how did you arrive", "how you got to", "how you came to", "how you reached", "how you derived",
        "walk me through", "walk through your", "walk through the reasoning", "walk through each",
        "justify each step", "justify every step", "justify your answer", "justify your reasoning", "justify each",
        "describe your reasoning", "describe the reasoning", "detail your reasoning", "outline your reasoning",
        "thought process", "reasoning process", "reasoning trace", "reasoning steps", "reasoning chain", "line of reasoning",
        "internal reasoning", "internal monologue", "internal thoughts", "inner monologue", "hidden reasoning", "scratchpad",
        "reconstruct your reasoning", "reconstruct the reasoning", "reconstruct your thinking", "reconstruct the logic",
        "write out your reasoning", "write out the reasoning", "write out your thinking", "write out all", "write out every step",
        "write out the steps", "lay out your reasoning", "spell out your reasoning", "spell out each step",
        "before answering, think", "before you answer, think", "before answering, reason", "reason through",
        "rationale for each", "provide your rationale", "give your rationale", "with a rationale", "full derivation",
        "detailed derivation", "derive it step", "give the rationale", "rationale first", "stream of consciousness",
        "explain your answer", "explain the answer step", "answer with reasoning", "reasoning first", "think before you answer",
        "show the derivation", "show the calculation", "show your calculation", "work it out step", "against the rubric", "using the rubric", "according to the rubric",
        "rubric and justify", "grade the reasoning", "critique the reasoning",
        // Other languages.
        "paso a paso", "razonamiento", "explica cómo llegaste", "étape par étape", "raisonnement", "explique comment",
        "schritt für schritt", "gedankengang", "begründe", "passo a passo", "raciocínio", "шаг за шагом", "рассуждени",
        "一步一步", "逐步", "推理过程", "思考过程", "解题思路", "ステップバイステップ", "段階的に", "考え方を", "단계별", "adım adım",
        "krok po kroku", "stap voor stap", "passo dopo passo", "ragionamento",
    ];

    private static readonly SearchValues<string> Search = SearchValues.Create(Phrases, StringComparison.OrdinalIgnoreCase);

    /// <summary>Searches the phrases an ASCII text can hold are split over: one search over all of them reads the text faster, but stops on far more false leads.</summary>
    private const int AsciiSearchGroups = 4;

    // The phrases that can occur in a text of ASCII characters only under OrdinalIgnoreCase ("adım adım" can: 'ı'
    // folds to 'I'), split by their first letter into a few vectorised searches. Most texts are ASCII; the answer is
    // that of the one search over all phrases, since a text holds a phrase of the set exactly when it holds one of a part.
    private static readonly SearchValues<string>[] AsciiSearches =
    [
        .. Phrases.Where(CanMatchAscii)
            .GroupBy(p => char.ToLowerInvariant(p[0]) % AsciiSearchGroups)
            .Select(g => SearchValues.Create(g.ToArray(), StringComparison.OrdinalIgnoreCase)),
    ];

    public static IReadOnlyList<string> KnownPhrases => Phrases;

    public static bool Detect(string prompt, string? systemPrompt = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var window = PromptWords.Spans(prompt);
        return Contains(window.Head)
            || (window.Tail.Length > 0 && Contains(window.Tail))
            || (systemPrompt is not null && DetectInSystemPrompt(systemPrompt));
    }

    /// <summary>What <see cref="Detect"/> reads of a system prompt: its opening window.</summary>
    public static bool DetectInSystemPrompt(string systemPrompt)
    {
        ArgumentNullException.ThrowIfNull(systemPrompt);
        return Contains(PromptWords.Spans(systemPrompt).Head);
    }

    private static bool Contains(ReadOnlySpan<char> text)
    {
        if (!Ascii.IsValid(text))
        {
            return text.ContainsAny(Search);
        }

        foreach (var search in AsciiSearches)
        {
            if (text.ContainsAny(search))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanMatchAscii(string phrase) =>
        phrase.All(c => char.IsAscii(c) || Enumerable.Range(0, 128).Any(a => string.Equals(((char)a).ToString(), c.ToString(), StringComparison.OrdinalIgnoreCase)));
}
