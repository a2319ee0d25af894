using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.Traffic;

namespace DistillGuard.Simulation.Populations;

/// <summary>
/// Plays an agentic tool-use session: a task, then tool results fed back as user turns while
/// the context grows; the last turn ends the task without a tool call.
/// </summary>
internal static class AgentSessions
{
    private const long CompactAt = 160_000;

    public static DateTimeOffset Play(AccountTraffic traffic, DateTimeOffset start, string task, CallShape shape, int turns)
    {
        Random rng = traffic.Rng;
        string conversation = traffic.NewConversationId();
        long context = 0;
        bool usedTools = false;
        DateTimeOffset t = start;
        for (int i = 0; i < turns; i++)
        {
            string prompt = i == 0 ? task : AgentTurns.Continuation(rng, usedTools);
            bool last = i == turns - 1;
            CallOutcome outcome = traffic.Call(t, prompt, shape, conversation, i, context, allowTools: !last);
            usedTools = outcome.UsedTools;
            context += (prompt.Length / 4) + outcome.OutputTokens + (usedTools ? rng.Next(50, 3000) : 0);
            if (context > CompactAt)
            {
                context = rng.Next(8_000, 30_000);
            }

            double gap = usedTools ? rng.LogNormal(4, 0.9) : rng.LogNormal(60, 1.0);
            t = outcome.Finished.AddSeconds(gap);
        }

        return t;
    }
}
