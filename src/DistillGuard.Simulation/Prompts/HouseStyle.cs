using System.Text;
using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.Prompts;

/// <summary>
/// An operator's own wrapper: a persona, two or three instructions before the item, an item label, and
/// a format and an answer marker after it. Each part is an intent with several phrasings. The operator's
/// playbook fixes the intents (the same operator at two providers keeps them); where it runs, a phrasing
/// is fixed per part (<see cref="Phrased"/>) or drawn per request (<see cref="Paraphrasing"/>), so the
/// same operator's wrappers at two providers, or in two requests, are paraphrases of each other.
/// </summary>
internal sealed class HouseStyle
{
    // Each part: its intents, each intent the phrasings of it.
    // A persona is a role with a qualifier, said in one of three ways.
    private static readonly string[] Roles =
    [
        "olympiad coach", "staff engineer", "university tutor", "formal logician", "textbook author", "management consultant",
        "research scientist", "code reviewer", "exam setter", "data analyst", "patent examiner", "chess trainer",
    ];

    private static readonly string[] Qualifiers =
    [
        "meticulous", "patient", "rigorous", "sceptical", "pedantic", "thorough", "demanding", "methodical",
    ];

    private static readonly string[] PersonaForms = ["You are a {0} {1}.", "Act as a {0} {1}.", "Take the role of a {0} {1}."];

    private static readonly string[][] Demands =
    [
        ["Enumerate every intermediate inference explicitly.", "List each intermediate inference explicitly.", "Spell out every intermediate inference."],
        ["Reason from first principles and state each assumption you make.", "Start from first principles and name every assumption.", "Work from first principles, stating your assumptions."],
        ["Consider at least two alternative approaches and explain why you reject the weaker one.", "Weigh two or more approaches and say why the weaker one is rejected.", "Compare at least two approaches, then justify dropping the weaker one."],
        ["Think aloud in full sentences as if narrating your thought process to a student.", "Narrate your thought process aloud in full sentences, as if to a student.", "Talk through your thinking in full sentences as if a student were listening."],
        ["Never skip a calculation, however trivial it seems.", "Do not skip any calculation, even a trivial one.", "Show every calculation, even the trivial ones."],
        ["Break the problem into sub-problems and solve each one separately before combining them.", "Split the problem into sub-problems, solve each separately, then combine them.", "Decompose the problem into sub-problems and solve each before combining."],
        ["Cite the rule or theorem that justifies each step.", "Name the rule or theorem behind every step.", "For each step, cite the theorem or rule that justifies it."],
        ["Explain how you arrived at each conclusion, not just what it is.", "Explain how each conclusion was reached, not only what it is.", "Say how you arrived at every conclusion as well as what it is."],
        ["Point out the most tempting wrong answer and why it fails.", "Name the most tempting wrong answer and explain why it is wrong.", "Identify the likeliest mistaken answer and show where it fails."],
        ["Restate the question in your own words before you begin.", "Begin by restating the question in your own words.", "First paraphrase the question in your own words."],
        ["Estimate the answer roughly first, then refine the estimate.", "Give a rough estimate first and then refine it.", "Start with a rough estimate and refine it step by step."],
        ["Keep a running list of the facts established so far.", "Maintain a running list of facts established so far.", "Track the facts you have established in a running list."],
        ["Write down any edge cases and how your approach handles them.", "Note every edge case and how the approach handles it.", "List the edge cases and explain how each is handled."],
        ["Justify each step as though a hostile examiner were checking it.", "Defend each step as if a hostile examiner were checking it.", "Argue every step as though an unfriendly examiner were reading."],
    ];

    private static readonly string[][] Labels =
    [
        ["Problem:", "The problem:", "Problem statement:"],
        ["### Input", "### Task input", "### Input item"],
        ["Item to solve:", "Item:", "The item to solve:"],
        ["Q:", "Question:", "Q."],
        ["<task>", "<task> Task:", "<task> Here is the task:"],
    ];

    private static readonly string[][] Formats =
    [
        ["Wrap your reasoning in <analysis> tags and the result in <final> tags.", "Put the reasoning inside <analysis> tags and the result inside <final> tags.", "Use <analysis> tags for your reasoning and <final> tags for the result."],
        ["Number the steps as [Step 1], [Step 2] and so on.", "Label each step [Step 1], [Step 2], and so on.", "Tag the steps [Step 1], [Step 2] and onwards."],
        ["Use the headings ## Derivation and ## Verdict.", "Organise the reply under the headings ## Derivation and ## Verdict.", "Structure it with two headings: ## Derivation, then ## Verdict."],
        ["Return JSON with the fields rationale and answer.", "Reply in JSON with fields rationale and answer.", "Output a JSON object holding rationale and answer fields."],
        ["Write the reasoning as a bulleted chain, one inference per bullet.", "Give the reasoning as a chain of bullets, one inference each.", "Lay out the reasoning as bullets, one inference per bullet."],
        ["Use a two column table of claim and justification.", "Present a table with two columns, claim and justification.", "Lay it out as a table whose columns are claim and justification."],
        ["Write the reasoning inside a fenced block labelled scratchpad.", "Put the reasoning in a fenced block labelled scratchpad.", "Keep your reasoning in a fenced scratchpad block."],
        ["Prefix every reasoning line with the marker >> so it can be parsed.", "Start each reasoning line with >> so that it can be parsed.", "Begin every line of reasoning with >> for parsing."],
    ];

    private static readonly string[][] Markers =
    [
        ["End with a line of the form ANSWER -> value.", "Finish with one line reading ANSWER -> value.", "Close with ANSWER -> value on the last line."],
        ["Then rate your confidence from 1 to 10.", "Afterwards give a confidence rating between 1 and 10.", "Finally rate your confidence on a 1 to 10 scale."],
        ["Put the final result inside \\boxed{} at the very end.", "Place the final result in \\boxed{} at the end.", "At the very end, give the final result in \\boxed{}."],
        ["Check your result against the original question before concluding.", "Before concluding, check the result against the original question.", "Verify the result against the question before you conclude."],
        ["Sign off with the word DONE on its own line.", "Finish by writing DONE on a line by itself.", "End with DONE alone on the last line."],
        ["Give the final answer after the tag RESULT: in capitals.", "State the final answer after RESULT: in capitals.", "After the capitalised tag RESULT: give the final answer."],
    ];

    private readonly string[] persona;
    private readonly string[][] demands;
    private readonly string[] label;
    private readonly string[] format;
    private readonly string[] marker;

    private HouseStyle(Random playbook)
    {
        string qualifier = playbook.Pick(Qualifiers);
        string role = playbook.Pick(Roles);
        persona = [.. PersonaForms.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, qualifier, role))];
        demands = [.. Demands.OrderBy(_ => playbook.Next()).Take(playbook.Next(2, 4))];
        label = playbook.Pick(Labels);
        format = playbook.Pick(Formats);
        marker = playbook.Pick(Markers);
    }

    /// <summary>The intents of one operator's wrapper, drawn from its playbook.</summary>
    public static HouseStyle Draw(Random playbook) => new(playbook);

    /// <summary>One phrasing per part, drawn once from <paramref name="local"/>: the operator's wrapper as used at one provider.</summary>
    public IWrapper Phrased(Random local)
    {
        string[] fixedPhrasing = [.. Parts().Select(local.Pick)];
        return new Composed(_ => fixedPhrasing);
    }

    /// <summary>A new phrasing of every part in each request.</summary>
    public IWrapper Paraphrasing() => new Composed(rng => [.. Parts().Select(rng.Pick)]);

    private IEnumerable<string[]> Parts() => [persona, .. demands, label, format, marker];

    /// <summary>Persona and demands, then the labelled item, then format and marker.</summary>
    private sealed class Composed(Func<Random, string[]> phrasing) : IWrapper
    {
        public string Wrap(Random rng, string item)
        {
            string[] parts = phrasing(rng);
            var sb = new StringBuilder();
            sb.AppendJoin(' ', parts[..^3]).Append("\n\n").Append(parts[^3]).Append(' ').Append(item);
            if (parts[^3].StartsWith("<task>", StringComparison.Ordinal))
            {
                sb.Append(" </task>");
            }

            return sb.Append("\n\n").Append(parts[^2]).Append(' ').Append(parts[^1]).ToString();
        }
    }
}
