using System.Text;
using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.Prompts;

/// <summary>A way of wrapping a dataset item so the answer carries the model's reasoning.</summary>
internal interface IWrapper
{
    string Wrap(Random rng, string item);
}

/// <summary>Fixed wrapper templates (<c>{0}</c> = the item); an operator picks a few and keeps them.</summary>
internal sealed class FixedWrapper(string template) : IWrapper
{
    public static readonly IReadOnlyList<string> Templates =
    [
        "Solve the following problem step by step and show all of your reasoning before giving the final answer.\n\n{0}",
        "Explain how you arrived at the answer in detail.\n\nProblem: {0}",
        "{0}\n\nThink carefully step by step. Write out your complete reasoning, then give the final answer on its own line.",
        "You will be given a task. Reason through it thoroughly, considering alternatives, before answering.\n\nTask: {0}",
        "Question: {0}\nAnswer: Let's think step by step.",
        "{0}\n\nExplain your reasoning at every step and verify the result before you conclude.",
        "Provide a detailed, well-structured solution with explanations for each step.\n\n### Task\n{0}\n\n### Solution",
        "Please answer the following. First, explain the key ideas involved; second, work through the solution; third, state the answer.\n\n{0}",
    ];

    public string Wrap(Random rng, string item) => template.Replace("{0}", item, StringComparison.Ordinal);
}

/// <summary>
/// Paraphrases of one wrapper, composed from synonym slots: many surface forms with one intent,
/// the way a careful operator varies its template to avoid exact-match filters.
/// </summary>
internal sealed class ParaphrasedWrapper : IWrapper
{
    private static readonly string[][] Slots =
    [
        ["Please", "Could you", "Can you", "I'd like you to", "Kindly", "Would you", "Help me", ""],
        ["solve", "work through", "tackle", "figure out", "answer", "go through", "handle"],
        ["the following", "this", "the problem below", "this question", "the task below", "this one"],
        ["step by step", "one step at a time", "carefully, step by step", "in detail", "methodically", "thoroughly", "piece by piece"],
        ["and show your reasoning", "and explain each step", "and walk me through your thinking", "explaining how you get there",
            "and justify every step", "and describe your thought process", "showing all the work", "and explain why each step follows"],
    ];

    private static readonly string[] Endings =
    [
        "", "", " Then give the final answer.", " End with the final answer.", " Double-check your result.", " Be explicit.", " Thanks!",
    ];

    public string Wrap(Random rng, string item)
    {
        var sb = new StringBuilder();
        foreach (string[] slot in Slots)
        {
            string word = rng.Pick(slot);
            if (word.Length > 0)
            {
                sb.Append(sb.Length == 0 ? word : " " + word);
            }
        }

        if (sb.Length > 0)
        {
            sb[0] = char.ToUpperInvariant(sb[0]);
        }

        sb.Append(rng.Chance(0.5) ? '.' : ':').Append(rng.Pick(Endings));
        string lead = sb.ToString();
        return rng.Chance(0.8) ? lead + rng.Pick(["\n\n", "\n", " "]) + item : item + "\n\n" + lead;
    }
}
