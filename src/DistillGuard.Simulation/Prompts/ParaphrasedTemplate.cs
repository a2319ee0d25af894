using System.Text;
using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.Prompts;

/// <summary>
/// A public chain-of-thought template (<see cref="FixedWrapper.Templates"/>) rephrased in every request:
/// the same request in other words, the way an operator defeats exact-match filters on known templates.
/// Written as slot text: <c>[a|b|c]</c> is one choice per request, <c>{0}</c> the item.
/// </summary>
internal sealed class ParaphrasedTemplate : IWrapper
{
    /// <summary>Rephrasings of the public templates, in the same order as <see cref="FixedWrapper.Templates"/>.</summary>
    public static readonly IReadOnlyList<string> Templates =
    [
        "[Solve|Work through|Work out|Tackle] [the following problem|this problem|the problem below] [step by step|one step at a time|stepwise|in small steps] and [show all of your reasoning|write out all your reasoning|lay out your full reasoning|show every bit of your reasoning] before [giving|stating|you give|writing] the final answer.\n\n{0}",
        "[Explain|Describe|Tell me|Set out] [how you arrived at|how you got to|the way you reached|how you worked out] [the answer|your answer|the result|the solution] [in detail|in full detail|thoroughly|carefully].\n\n[Problem:|Task:|Here is the problem:|The problem:] {0}",
        "{0}\n\n[Think carefully|Think it over carefully|Reason carefully|Take care and think] [step by step|one step at a time|stepwise]. [Write out|Spell out|Lay out|Set down] your [complete|entire|full|whole] reasoning, then [give|state|write] the final answer [on its own line|on a separate line|on the last line|by itself].",
        "[You will be given a task|Here is a task for you|Below is a task|I have a task for you]. [Reason through it thoroughly|Work through it carefully|Think it through in depth|Reason about it at length], [considering alternatives|weighing the alternatives|looking at other options|comparing approaches], before [answering|you answer|giving an answer|replying].\n\n[Task:|The task:|Task description:] {0}",
        "[Question:|Q:|Problem:|Query:] {0}\n[Answer:|A:|Response:|Solution:] [Let's think step by step.|Let us think step by step.|Let's work this out step by step.|Let's reason it through step by step.]",
        "{0}\n\n[Explain your reasoning|Give your reasoning|Show your reasoning|Lay out your reasoning] [at every step|at each step|for each step|step after step] and [verify|check|double-check|confirm] [the result|your result|the answer] [before you conclude|before concluding|before finishing|at the end].",
        "[Provide|Give|Write|Produce] a [detailed, well-structured|thorough, well-organised|careful, structured|complete, well-laid-out] solution [with explanations for each step|explaining every step|with each step explained|that explains each step].\n\n[### Task|### Problem|## Task|### Question]\n{0}\n\n[### Solution|### Answer|## Solution|### Worked solution]",
        "[Please answer the following.|Answer the following, please.|Please respond to the following.|Kindly answer this.] [First|To begin], [explain the key ideas involved|set out the key ideas|go over the main ideas involved]; [second|next|then], [work through the solution|work the solution out|solve it]; [third|finally|last], [state the answer|give the answer|say what the answer is].\n\n{0}",
    ];

    private readonly Piece[] pieces;

    public ParaphrasedTemplate(string slotText) => pieces = Parse(slotText);

    public string Wrap(Random rng, string item)
    {
        var sb = new StringBuilder();
        foreach (Piece piece in pieces)
        {
            sb.Append(piece.Choices.Count == 1 ? piece.Choices[0] : rng.Pick(piece.Choices));
        }

        return sb.Replace("{0}", item).ToString();
    }

    private static Piece[] Parse(string text)
    {
        var parts = new List<Piece>();
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('[', i);
            if (open < 0)
            {
                parts.Add(new Piece([text[i..]]));
                break;
            }

            if (open > i)
            {
                parts.Add(new Piece([text[i..open]]));
            }

            int close = text.IndexOf(']', open);
            parts.Add(new Piece(text[(open + 1)..close].Split('|')));
            i = close + 1;
        }

        return [.. parts];
    }

    private sealed record Piece(IReadOnlyList<string> Choices);
}
