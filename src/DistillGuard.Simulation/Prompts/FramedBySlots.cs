using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.Prompts;

/// <summary>
/// An operator's frame around an item: an opening line and a closing line, each drawn per request from a few
/// phrasings that the operator's playbook picked out of a larger pool. Across the operator's requests, and its
/// accounts, the phrasings recur; no single one is in every request (a throw-away account sends a handful).
/// </summary>
internal sealed class FramedBySlots : IWrapper
{
    // Written for the simulator; none is taken from an outside log.
    private static readonly string[] Openings =
    [
        "Here is an item from my practice set.", "Next item, please.", "Have a go at the following.", "Take a look at this question.",
        "Can you crack this one for me?", "Try this exercise.", "Figure out the answer to this.", "Consider the item below.",
        "Answer the question that follows.", "A quick one for you.", "Deal with the following item.", "Here's a puzzle.",
        "Tackle the item that follows.", "Give this one a try.", "One more from the list.", "Have a look at this.",
    ];

    private static readonly string[] Closings =
    [
        "Think out loud, step by step, and only then give your answer.",
        "Write down each step of your reasoning before you conclude.",
        "Show the whole chain of reasoning, then the answer on its own line.",
        "Walk me through your thought process in detail, then answer.",
        "Reason it through carefully and show all your working.",
        "Explain every inference you make on the way to the answer.",
        "Do not skip steps: narrate your reasoning and then answer.",
        "Spell out your thinking at each stage, then give the result.",
        "Talk through the whole derivation before the final answer.",
        "Justify each move in your reasoning and finish with the answer.",
    ];

    private readonly string[] openings;
    private readonly string[] closings;

    private FramedBySlots(string[] openings, string[] closings)
    {
        this.openings = openings;
        this.closings = closings;
    }

    /// <summary>The operator's own few phrasings of each line, drawn from its playbook stream.</summary>
    public static FramedBySlots Draw(Random playbook)
    {
        string[] open = [.. Openings];
        string[] close = [.. Closings];
        playbook.Shuffle(open);
        playbook.Shuffle(close);
        return new FramedBySlots(open[..playbook.Next(4, 7)], close[..playbook.Next(2, 4)]);
    }

    public string Wrap(Random rng, string item) => rng.Pick(openings) + "\n\n" + item + "\n\n" + rng.Pick(closings);
}
