using DistillGuard.Core.Model;

namespace DistillGuard.Core.Features;

/// <summary>
/// Where a log has no turn numbers, whether an exchange continues a conversation, read from what it was billed:
/// a model API keeps no state, so every later turn of a conversation or an agent's session sends the history
/// back as input. An exchange billed well beyond what its own message, system prompt and tool definitions can
/// account for carries earlier turns; when it resends at least the previous exchange and its answer, it is the
/// next turn of the same thread. The estimate of its own size is generous (a token per character, as in the
/// densest scripts, and 200 tokens per declared tool), so a long single-shot prompt is never read as a
/// continuation; a short follow-up with little history may be read as an opening, and so is an exchange logged
/// without its prompt (a failed call). Pure.
/// </summary>
public static class ResentContext
{
    /// <summary>Input tokens beyond the exchange's own size that make it a continuation.</summary>
    public const long MinCarried = 256;

    /// <summary>Tokens allowed for each tool definition sent with the request.</summary>
    public const long TokensPerTool = 200;

    /// <summary>Share of the previous exchange's input and output a direct continuation of it must resend, at least (some APIs drop parts of the history, such as reasoning).</summary>
    public const double ChainShare = 0.9;

    /// <summary>
    /// The exchange's turn index: the logged one; else 0 for an opening. A continuation that arrives in time order
    /// is the previous exchange's turn plus one when it resends that exchange's input and answer, and 1 when it
    /// continues some other thread. Once an account's exchanges have come out of time order, the previous exchange
    /// says nothing, and a continuation counts the earlier answers its history could hold: the tokens it carries
    /// over the account's mean answer (at least 1).
    /// </summary>
    /// <param name="previous">The account's previous exchange as far as turns go, and whether its exchanges have all come in time order.</param>
    public static int TurnIndex(Exchange exchange, in TurnContext previous)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (exchange.TurnIndex is { } logged)
        {
            return logged;
        }

        // A failed call whose prompt was not logged gives nothing to weigh its input against.
        if (string.IsNullOrEmpty(exchange.Prompt))
        {
            return 0;
        }

        var own = exchange.Prompt.Length + (exchange.SystemPrompt?.Length ?? 0) + (TokensPerTool * (exchange.ToolsDeclared ?? 0));
        var carried = exchange.InputTokens - own;
        if (carried < MinCarried)
        {
            return 0;
        }

        if (!previous.InOrder)
        {
            return (int)Math.Clamp(carried / Math.Max(1, previous.MeanAnswer), 1, 1_000);
        }

        return previous.Resent > 0 && exchange.InputTokens >= ChainShare * previous.Resent ? previous.Turn + 1 : 1;
    }
}

/// <summary>What <see cref="ResentContext.TurnIndex"/> knows of an account's exchanges before this one.</summary>
/// <param name="Resent">The previous exchange's input plus output tokens (what its direct continuation resends); 0 when there is none.</param>
/// <param name="Turn">The previous exchange's turn index, logged or inferred.</param>
/// <param name="InOrder">Whether every exchange so far came no earlier than the one before it.</param>
/// <param name="MeanAnswer">The account's mean output tokens per exchange so far.</param>
public readonly record struct TurnContext(long Resent, int Turn, bool InOrder, double MeanAnswer);
