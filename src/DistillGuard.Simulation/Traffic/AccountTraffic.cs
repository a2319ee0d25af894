using DistillGuard.Core.Model;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Traffic;

/// <summary>What a call produced, for scheduling the next turn and growing the context.</summary>
internal readonly record struct CallOutcome(DateTimeOffset Finished, long InputTokens, long OutputTokens, bool UsedTools);

/// <summary>
/// Emits one account's exchanges: stamps identity fields, derives token counts, stop reason
/// and status from a <see cref="CallShape"/> so they stay consistent with each other.
/// </summary>
internal sealed class AccountTraffic(SimAccount account, Random rng, TrafficSink sink)
{
    public SimAccount Account => account;

    public Random Rng => rng;

    public TrafficSink Sink => sink;

    public string NewConversationId() => "conv_" + rng.Hex(20);

    /// <summary>
    /// Emits a call at <paramref name="at"/>; <paramref name="contextTokens"/> is the history resent with it.
    /// <paramref name="client"/>, when given, is the user agent of this call (an end user's client passed
    /// through a reseller); otherwise one of the account's own.
    /// </summary>
    public CallOutcome Call(
        DateTimeOffset at,
        string prompt,
        CallShape shape,
        string? conversationId = null,
        int turnIndex = 0,
        long contextTokens = 0,
        bool allowTools = true,
        string? client = null)
    {
        at = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        long toolTokens = (shape.ToolsDeclared ?? 0) * 140L;
        long input = ((shape.SystemPrompt?.Length ?? 0) / 4) + toolTokens + Math.Max(1, prompt.Length / 4) + contextTokens;

        ExchangeStatus status = ExchangeStatus.Ok;
        StopReason? stop = StopReason.EndTurn;
        long output, reasoning = 0;
        int toolCalls = 0;
        if (rng.Chance(shape.ErrorRate))
        {
            status = ExchangeStatus.Error;
            stop = null;
            output = 0;
            input = rng.Chance(0.5) ? 0 : input;
            prompt = rng.Chance(0.3) ? string.Empty : prompt;
        }
        else if (rng.Chance(shape.RefusalRate))
        {
            status = ExchangeStatus.Refused;
            stop = StopReason.Refusal;
            output = Math.Min(rng.Next(12, 90), shape.MaxTokens ?? long.MaxValue);
        }
        else
        {
            output = Math.Max(1, (long)rng.LogNormal(shape.OutputMedian, shape.OutputSigma));
            reasoning = rng.Chance(shape.ThinkingShare) ? Math.Max(16, (long)rng.LogNormal(shape.ReasoningMedian, 0.8)) : 0;
            if (allowTools && shape.ToolsDeclared > 0 && rng.Chance(shape.ToolCallShare))
            {
                toolCalls = rng.LogNormalInt(1.2, 0.6, 1, 8);
                output = Math.Min(output, 40 + (toolCalls * rng.Next(30, 400)));
                stop = StopReason.ToolUse;
            }

            if (shape.MaxTokens is long cap && output + reasoning >= cap)
            {
                reasoning = Math.Min(reasoning, (long)(cap * 0.75));
                output = Math.Max(1, cap - reasoning);
                stop = StopReason.MaxTokens;
                toolCalls = 0;
            }
        }

        Endpoint endpoint = account.Endpoints.Count == 1 || rng.Chance(0.8) ? account.Endpoints[0] : rng.Pick(account.Endpoints);
        var exchange = new Exchange
        {
            EventId = rng.Uuid(),
            Timestamp = at,
            AccountId = account.Id,
            OrganizationId = account.OrganizationId,
            ApiKeyId = account.ApiKeys.Count == 1 || rng.Chance(0.85) ? account.ApiKeys[0] : rng.Pick(account.ApiKeys),
            AccountCreatedAt = account.CreatedAt,
            EmailDomain = account.EmailDomain,
            PaymentFingerprint = account.PaymentFingerprint,
            ClientIp = endpoint.Ip,
            Asn = endpoint.Asn,
            Country = endpoint.Country,
            UserAgent = client ?? (account.UserAgents.Count == 1 || rng.Chance(0.85) ? account.UserAgents[0] : rng.Pick(account.UserAgents)),
            Model = shape.Model,
            ConversationId = shape.SendsConversation ? conversationId ?? NewConversationId() : null,
            TurnIndex = shape.SendsConversation ? turnIndex : null,
            SystemPrompt = shape.SystemPrompt,
            Prompt = prompt,
            InputTokens = input,
            OutputTokens = output,
            ReasoningTokens = reasoning > 0 ? reasoning : null,
            MaxTokens = shape.MaxTokens,
            Temperature = shape.Temperature,
            ToolsDeclared = shape.ToolsDeclared,
            ToolCalls = shape.ToolsDeclared is null ? null : toolCalls,
            StopReason = stop,
            Status = status,
        };
        sink.Add(exchange);

        double seconds = 0.4 + ((output + reasoning) / rng.Uniform(45, 110));
        return new CallOutcome(at.AddSeconds(seconds), input, output, toolCalls > 0);
    }
}
