using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Features;

public sealed partial class AccountState
{
    /// <summary>Folds one exchange and its content signals into the state.</summary>
    public void Add(Exchange exchange, in ExchangeSignals signals, in ExchangeAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var ticks = exchange.Timestamp.UtcTicks;
        _outOfOrder |= Exchanges > 0 && ticks < LastTicks;
        Exchanges++;
        OrganizationId ??= exchange.OrganizationId;
        FirstTicks = Math.Min(FirstTicks, ticks);
        LastTicks = Math.Max(LastTicks, ticks);
        if (exchange.AccountCreatedAt is { } created)
        {
            CreatedTicks = Math.Min(CreatedTicks, created.UtcTicks);
        }

        if (exchange.Status != ExchangeStatus.Ok)
        {
            Errors++;
        }

        AddTiming(ticks);
        AddTokens(exchange);
        var opening = AddConversation(exchange);

        _histograms[CapabilityOffset + (int)signals.Capability]++;
        if (signals.ElicitsReasoning)
        {
            ReasoningElicitations++;
        }

        DistinctPrompts.Add(signals.PromptHash);
        if (attributes.Client != 0)
        {
            _clients.Add(attributes.Client);
            if (Slices is null && _clients.BitsSet >= SlicedFromClients)
            {
                Slices = new ClientSlices();
            }

            // A client is read on the sweeps it sends: requests that open a new task targeting a harvest capability and,
            // for the reasoning count, ask for the reasoning too. A harvester's SDK sends little else; an app whose users
            // ask for help with all sorts of things, and talk it through, sends them now and then.
            var sweep = opening && Capabilities.IsHarvestTarget(signals.Capability);
            Slices?.Add(attributes.Client, sweep && signals.ElicitsReasoning, sweep);
        }

        // A frame is what a task is opened in: follow-up turns (answers, tool results) carry no task of their own.
        if (opening)
        {
            Attributes.Add((int)AttributeKind.TemplateHead, signals.Template.Head);
            Attributes.Add((int)AttributeKind.TemplateTail, signals.Template.Tail);
        }

        Attributes.Add((int)AttributeKind.SystemPrompt, signals.SystemPromptHash);
        Attributes.Add((int)AttributeKind.Payment, attributes.Payment);
        Attributes.Add((int)AttributeKind.ClientIp, attributes.ClientIp);
        Attributes.Add((int)AttributeKind.Network, attributes.Network);
        Attributes.Add((int)AttributeKind.AsnClient, attributes.AsnClient);
        Attributes.Add((int)AttributeKind.EmailDomain, attributes.EmailDomain);
        Attributes.Add((int)AttributeKind.Model, attributes.Model);
    }

    private void AddTiming(long ticks)
    {
        var utc = new DateTime(ticks, DateTimeKind.Utc);
        _histograms[HourOffset + utc.Hour]++;
        _activity.Add((int)(ticks / TimeSpan.TicksPerHour));
        ActiveDays |= UInt128.One << (int)((ticks / TimeSpan.TicksPerDay) % 128);
        if (_lastTicks != long.MinValue && ticks >= _lastTicks)
        {
            var seconds = Math.Max(1.0, (ticks - _lastTicks) / (double)TimeSpan.TicksPerSecond);
            var log = Math.Log2(seconds);
            _histograms[GapOffset + Math.Min(GapBins - 1, (int)log)]++;
            GapCount++;
            var delta = log - GapMean;
            GapMean += delta / GapCount;
            GapM2 += delta * (log - GapMean);
        }

        _lastTicks = Math.Max(_lastTicks, ticks);
    }

    private void AddTokens(Exchange exchange)
    {
        InputTokens += exchange.InputTokens;
        OutputTokens += exchange.OutputTokens;
        if (exchange.ReasoningTokens is > 0 and var reasoning)
        {
            ReasoningTokens += reasoning;
            ReasoningExchanges++;
        }

        if (exchange.MaxTokens is { } max)
        {
            MaxTokensSum += max;
            MaxTokensSet++;
        }

        if (exchange.StopReason == StopReason.MaxTokens)
        {
            Truncated++;
        }

        if (exchange.Temperature is { } temperature)
        {
            TemperatureSet++;
            if (temperature <= 0.01)
            {
                ZeroTemperature++;
            }
        }
    }

    /// <returns>Whether the exchange opens a conversation (a new task).</returns>
    private bool AddConversation(Exchange exchange)
    {
        // Without logged turn numbers, the history the exchange resends says whether it continues a conversation.
        var turn = ResentContext.TurnIndex(exchange, new TurnContext(_lastResent, _lastTurn, !_outOfOrder, OutputTokens / (double)Exchanges));
        _lastResent = (int)Math.Min(int.MaxValue, exchange.InputTokens + exchange.OutputTokens);
        _lastTurn = turn;
        if (turn > 0 && exchange.TurnIndex is null)
        {
            InferredTurns++;
        }
        TurnIndexSum += turn;
        MaxTurnIndex = Math.Max(MaxTurnIndex, turn);
        var opening = turn == 0 || (exchange.ConversationId is null && exchange.TurnIndex is not null);
        if (opening)
        {
            FirstTurns++;
            Phrases.AddPrompt(exchange.Prompt);
        }

        if (exchange.ToolsDeclared > 0)
        {
            ToolDeclaring++;
        }

        var conversation = StableHash.Of(exchange.ConversationId);
        if (turn > 0 && _lastWasToolUse && conversation == _lastConversation)
        {
            ToolFeedbacks++;
        }

        if (turn > 0 && conversation != 0 && conversation != _lastConversation)
        {
            InterleavedTurns++;
        }

        var toolUse = exchange.ToolCalls > 0 || exchange.StopReason == StopReason.ToolUse;
        if (toolUse)
        {
            ToolUseAnswers++;
        }

        _lastConversation = conversation;
        _lastWasToolUse = toolUse;
        return opening;
    }
}
