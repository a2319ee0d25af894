using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.Prompts;

/// <summary>Everyday chatbot use: chat, advice, writing, some coding and maths help, with follow-ups.</summary>
internal sealed class OrganicChatPrompts : IPromptSource
{
    private static readonly double[] Weights = [0.22, 0.2, 0.2, 0.1, 0.07, 0.05, 0.07, 0.05, 0.04];

    public PromptItem Next(Random rng)
    {
        string text = rng.WeightedIndex(Weights) switch
        {
            0 => Grammar.Chat(rng),
            1 => Grammar.Advice(rng),
            2 => Grammar.Writing(rng),
            3 => Grammar.Coding(rng),
            4 => Grammar.MathWord(rng),
            5 => Grammar.Planning(rng),
            6 => Grammar.DataProcessing(rng),
            7 => Grammar.Reasoning(rng),
            _ => Grammar.Tools(rng),
        };
        int followUps = rng.Chance(0.45) ? rng.LogNormalInt(2, 0.8, 1, 25) : 0;
        return new PromptItem(text, FollowUps.Many(rng, followUps));
    }
}

/// <summary>Capability items as found in benchmarks and instruction sets: code, maths, reasoning, planning, data, tools.</summary>
internal sealed class CapabilityPrompts : IPromptSource
{
    private static readonly double[] Weights = [0.28, 0.3, 0.22, 0.1, 0.05, 0.05];

    public PromptItem Next(Random rng) => PromptItem.Single(rng.WeightedIndex(Weights) switch
    {
        0 => Grammar.Coding(rng),
        1 => Grammar.MathWord(rng),
        2 => Grammar.Reasoning(rng),
        3 => Grammar.Planning(rng),
        4 => Grammar.DataProcessing(rng),
        _ => Grammar.Tools(rng),
    });
}

/// <summary>Homework pasted by students: maths and reasoning, asked in natural, varied words.</summary>
internal sealed class HomeworkPrompts(IPromptSource problems) : IPromptSource
{
    private static readonly string[] Asks =
    [
        "explain step by step", "Can you explain this step by step?", "please show your work", "how do I solve this? show all steps",
        "I don't understand this question, can you walk me through it", "whats the answer and explain how u got it",
        "Solve this and explain your reasoning", "help with my homework:", "can someone explain the logic here", "step by step please",
    ];

    public PromptItem Next(Random rng)
    {
        string problem = problems.Next(rng).Text;
        string ask = rng.Pick(Asks);
        string text = rng.Chance(0.5) ? ask + "\n\n" + problem : problem + "\n\n" + ask;
        IReadOnlyList<string> turns = rng.Chance(0.5)
            ? [rng.Pick(["why do you multiply there?", "I got a different answer", "ok thanks", "can you check my answer", "and the next one?"])]
            : [];
        return new PromptItem(text, turns);
    }
}
