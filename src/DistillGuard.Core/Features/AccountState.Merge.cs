using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Features;

public sealed partial class AccountState
{
    /// <summary>
    /// Folds another partial state of the same account into this one. Counters and sketches merge
    /// exactly; the Welford gap moments merge with Chan's parallel formula.
    /// </summary>
    public void Merge(AccountState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.AccountId != AccountId)
        {
            throw new ArgumentException($"cannot merge state of {other.AccountId} into {AccountId}", nameof(other));
        }

        Fold(other);
    }

    /// <summary>
    /// The combined state of several accounts, as if one actor sent all their traffic: how a
    /// campaign looks once its accounts are put back together.
    /// </summary>
    public static AccountState Combine(AccountId id, IEnumerable<AccountState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var combined = new AccountState(id);
        foreach (var state in states)
        {
            combined.Fold(state);
        }

        return combined;
    }

    private void Fold(AccountState other)
    {
        Exchanges += other.Exchanges;
        Errors += other.Errors;
        OrganizationId ??= other.OrganizationId;
        FirstTicks = Math.Min(FirstTicks, other.FirstTicks);
        LastTicks = Math.Max(LastTicks, other.LastTicks);
        CreatedTicks = Math.Min(CreatedTicks, other.CreatedTicks);
        InputTokens += other.InputTokens;
        OutputTokens += other.OutputTokens;
        ReasoningTokens += other.ReasoningTokens;
        ReasoningExchanges += other.ReasoningExchanges;
        MaxTokensSum += other.MaxTokensSum;
        MaxTokensSet += other.MaxTokensSet;
        Truncated += other.Truncated;
        TemperatureSet += other.TemperatureSet;
        ZeroTemperature += other.ZeroTemperature;
        TurnIndexSum += other.TurnIndexSum;
        MaxTurnIndex = Math.Max(MaxTurnIndex, other.MaxTurnIndex);
        FirstTurns += other.FirstTurns;
        ToolDeclaring += other.ToolDeclaring;
        ToolUseAnswers += other.ToolUseAnswers;
        ToolFeedbacks += other.ToolFeedbacks;
        ReasoningElicitations += other.ReasoningElicitations;
        InterleavedTurns += other.InterleavedTurns;
        InferredTurns += other.InferredTurns;
        ActiveDays |= other.ActiveDays;
        MergeGaps(other);
        for (var i = 0; i < _histograms.Length; i++)
        {
            _histograms[i] += other._histograms[i];
        }

        DistinctPrompts.Merge(other.DistinctPrompts);
        _clients.Merge(other._clients);
        if (other.Slices is { } slices)
        {
            Slices ??= new ClientSlices();
            Slices.Merge(slices);
        }
        Attributes.Merge(other.Attributes);
        Phrases.Merge(other.Phrases);
        _activity.Merge(other._activity);
        _lastTicks = Math.Max(_lastTicks, other._lastTicks);
    }

    private void MergeGaps(AccountState other)
    {
        if (other.GapCount == 0)
        {
            return;
        }

        var count = GapCount + other.GapCount;
        var delta = other.GapMean - GapMean;
        GapM2 += other.GapM2 + (delta * delta * GapCount * other.GapCount / count);
        GapMean += delta * other.GapCount / count;
        GapCount = count;
    }
}
