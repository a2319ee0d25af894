using System.Text.RegularExpressions;

namespace DistillGuard.Core.Content;

/// <summary>
/// Detects prompts that coerce the model into writing out its chain of thought, directly
/// ("think step by step") or indirectly (explain how you arrived at it, reconstruct or grade
/// the reasoning), in several languages.
/// </summary>
public static partial class ReasoningElicitation
{
    public static bool Detect(string prompt, string? systemPrompt = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var (head, tail) = PromptWords.Window(prompt);
        return Pattern().IsMatch(head)
            || (tail.Length > 0 && Pattern().IsMatch(tail))
            || (systemPrompt is not null && Pattern().IsMatch(PromptWords.Window(systemPrompt).Head));
    }

    // Alternatives are grouped by form; every one needs a verb of showing/explaining next to a
    // reasoning noun, so "steps to reproduce" or "the reason I ask" do not match.
    [GeneratedRegex(
        @"step[\s-]by[\s-]step|show (?:all |me )?(?:of )?(?:your|the|each) (?:work|working|reasoning|steps|thought)" +
        @"|(?:explain|describe|walk (?:me )?through|detail|justify|outline) (?:your|the|each|every|all) (?:\w+ ){0,2}(?:reasoning|steps?|thought process|logic|rationale|derivation)" +
        @"|how (?:you|did you) (?:arrived?|got|came|reached|derived?)|explain how you" +
        @"|chain[\s-]of[\s-]thought|thought process|reasoning (?:process|trace|chain|steps)|internal (?:reasoning|monologue|thoughts?)" +
        @"|think(?:ing)? (?:carefully|aloud|out loud|through|it through|hard)|let'?s think|before (?:you )?answer(?:ing)?,? (?:think|reason|explain)" +
        @"|reconstruct (?:your|the) (?:reasoning|thinking|logic)|(?:write|lay|spell) out (?:your|the|all|every) (?:\w+ )?(?:reasoning|thinking|steps|logic)" +
        @"|(?:grade|score|evaluate) (?:the|this|each) (?:\w+ ){0,2}(?:against|using|with) (?:the|a|this) rubric" +
        @"|paso a paso|razonamiento|étape par étape|raisonnement|schritt für schritt|gedankengang|passo a passo|raciocínio" +
        @"|шаг за шагом|рассуждени|一步一步|逐步|推理过程|思考过程|ステップバイステップ|段階的に|단계별|adım adım|krok po kroku",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
