using System.Numerics;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Features;

/// <summary>Derives typed <see cref="AccountFeatures"/> from an <see cref="AccountState"/>. Pure.</summary>
public static class AccountFeatureExtractor
{
    public static AccountFeatures Extract(AccountState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        double n = Math.Max(1, state.Exchanges);
        var first = new DateTimeOffset(state.FirstTicks, TimeSpan.Zero);
        var last = new DateTimeOffset(state.LastTicks, TimeSpan.Zero);
        var activeDays = Math.Max(1, (int)UInt128.PopCount(state.ActiveDays));
        var followUps = Math.Max(1, state.Exchanges - state.FirstTurns);
        var mix = new double[Capabilities.Count];
        var harvest = 0.0;
        for (var i = 0; i < mix.Length; i++)
        {
            mix[i] = state.CapabilityCounts[i] / n;
            if (Capabilities.IsHarvestTarget((Capability)i))
            {
                harvest += mix[i];
            }
        }

        var lead = LeadClient(state);
        return new AccountFeatures
        {
            AccountId = state.AccountId,
            OrganizationId = state.OrganizationId,
            Exchanges = state.Exchanges,
            FirstSeen = first,
            LastSeen = last,
            ActiveDays = activeDays,
            ExchangesPerActiveDay = state.Exchanges / (double)activeDays,
            HourEntropy = NormalisedEntropy(state.Hours),
            ActiveHourShare = CountNonZero(state.Hours) / 24.0,
            GapRegularity = GapVariation(state),
            MedianGapSeconds = MedianGap(state.Gaps),
            InputTokens = state.InputTokens,
            OutputTokens = state.OutputTokens,
            ReasoningTokens = state.ReasoningTokens,
            OutputInputRatio = state.OutputTokens / (double)Math.Max(1, state.InputTokens),
            MeanOutputTokens = state.OutputTokens / n,
            MeanReasoningTokens = state.ReasoningTokens / n,
            ReasoningShare = state.ReasoningExchanges / n,
            MeanMaxTokens = state.MaxTokensSet == 0 ? 0 : state.MaxTokensSum / (double)state.MaxTokensSet,
            MaxTokensSetShare = state.MaxTokensSet / n,
            TruncatedShare = state.Truncated / n,
            ZeroTemperatureShare = state.ZeroTemperature / n,
            MeanTurnIndex = state.TurnIndexSum / n,
            MaxTurnIndex = state.MaxTurnIndex,
            FirstTurnShare = state.FirstTurns / n,
            ToolUseShare = state.ToolUseAnswers / n,
            ToolResultFeedbackShare = state.ToolUseAnswers == 0 ? 0 : Math.Min(1, state.ToolFeedbacks / (double)state.ToolUseAnswers),
            FollowUpShare = (state.Exchanges - state.FirstTurns) / n,
            AccountAgeDaysAtFirstUse = state.CreatedTicks == long.MaxValue
                ? null
                : Math.Max(0, (state.FirstTicks - state.CreatedTicks) / (double)TimeSpan.TicksPerDay),
            ReasoningElicitationShare = state.ReasoningElicitations / n,
            HarvestCapabilityShare = harvest,
            CapabilityMix = mix,
            DistinctPromptShare = Math.Min(1, state.DistinctPrompts.Estimate() / n),
            TemplateShare = TemplateShare(state),
            ErrorShare = state.Errors / n,
            DistinctClients = state.Clients.Estimate(),
            InterleavedShare = state.InterleavedTurns / (double)followUps,
            InferredTurnShare = state.InferredTurns / (double)followUps,
            LeadClientShare = lead?.Share ?? 0,
            LeadClientElicitationShare = lead?.ElicitationShare ?? 0,
            LeadClientCapabilityShare = lead?.CapabilityShare ?? 0,
            Gaps = Gaps(state),
        };
    }

    private static LogGaps Gaps(AccountState state)
    {
        var identity = state.OrganizationId is not null
            || ((AttributeKind[])[AttributeKind.Payment, AttributeKind.ClientIp, AttributeKind.EmailDomain]).Any(k => state.Attributes.MaxCount((int)k) > 0);
        return (identity ? LogGaps.None : LogGaps.Identity) | (state.CreatedTicks == long.MaxValue ? LogGaps.CreationTime : LogGaps.None);
    }

    /// <summary>A client must send this share of the account's traffic to be read on its own.</summary>
    public const double LeadClientMinShare = 0.1;

    /// <summary>Exchanges a client must have been counted for before its shares are read.</summary>
    public const int LeadClientMinSeen = 50;

    /// <summary>Of the clients sending at least a tenth of the traffic, the one whose requests most ask for reasoning and harvest capabilities.</summary>
    private static ClientSlice? LeadClient(AccountState state) =>
        state.Slices?.Heavy(state.Exchanges, LeadClientMinShare, LeadClientMinSeen)
            .OrderByDescending(c => c.ElicitationShare + c.CapabilityShare)
            .ThenByDescending(c => c.Share)
            .Select(c => (ClientSlice?)c)
            .FirstOrDefault();

    /// <summary>Share of the tasks the account opens that carry its commonest opening or closing frame; 0 under three openings.</summary>
    private static double TemplateShare(AccountState state)
    {
        var heads = state.Attributes.MaxCount((int)AttributeKind.TemplateHead);
        var tails = state.Attributes.MaxCount((int)AttributeKind.TemplateTail);
        // A single task trivially repeats itself; reuse needs at least three.
        return state.FirstTurns < 3 ? 0 : Math.Min(1, Math.Max(heads, tails) / (double)state.FirstTurns);
    }

    private static double NormalisedEntropy(ReadOnlySpan<int> counts)
    {
        double total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        if (total <= 1)
        {
            return 0;
        }

        double entropy = 0;
        foreach (var c in counts)
        {
            if (c > 0)
            {
                var p = c / total;
                entropy -= p * Math.Log(p);
            }
        }

        return entropy / Math.Log(counts.Length);
    }

    private static int CountNonZero(ReadOnlySpan<int> counts)
    {
        var nonZero = 0;
        foreach (var c in counts)
        {
            if (c > 0)
            {
                nonZero++;
            }
        }

        return nonZero;
    }

    private static double GapVariation(AccountState state)
    {
        if (state.GapCount < 3 || state.GapMean <= 0)
        {
            return 1;
        }

        var sd = Math.Sqrt(state.GapM2 / (state.GapCount - 1));
        return sd / Math.Max(1, state.GapMean);
    }

    private static double MedianGap(ReadOnlySpan<int> gaps)
    {
        long total = 0;
        foreach (var g in gaps)
        {
            total += g;
        }

        if (total == 0)
        {
            return 0;
        }

        long seen = 0;
        for (var i = 0; i < gaps.Length; i++)
        {
            seen += gaps[i];
            if (seen * 2 >= total)
            {
                return Math.Pow(2, i + 0.5);
            }
        }

        return Math.Pow(2, gaps.Length);
    }
}
