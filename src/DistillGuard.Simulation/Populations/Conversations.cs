using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.Traffic;

namespace DistillGuard.Simulation.Populations;

/// <summary>Plays a chat conversation: the opener, then follow-ups after reading time, history resent each turn.</summary>
internal static class Conversations
{
    /// <returns>The number of exchanges emitted (at most <paramref name="maxTurns"/>) and when the last one finished.</returns>
    /// <param name="client">The end user's client when the account carries other people's traffic (a reseller); null for the account's own.</param>
    public static (int Turns, DateTimeOffset Finished) Play(
        AccountTraffic traffic, DateTimeOffset start, PromptItem item, CallShape shape, int maxTurns, double medianThinkSeconds = 45, string? client = null)
    {
        Random rng = traffic.Rng;
        string conversation = traffic.NewConversationId();
        long context = 0;
        DateTimeOffset t = start;
        int turns = Math.Min(maxTurns, 1 + item.Turns.Count);
        for (int i = 0; i < turns; i++)
        {
            string prompt = i == 0 ? item.Text : item.Turns[i - 1];
            CallOutcome outcome = traffic.Call(t, prompt, shape, conversation, i, context, client: client);
            context = outcome.InputTokens + outcome.OutputTokens;
            t = outcome.Finished.AddSeconds(rng.LogNormal(medianThinkSeconds, 0.9) + (prompt.Length / 6.0));
        }

        return (turns, t);
    }
}
