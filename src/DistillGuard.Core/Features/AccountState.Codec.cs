using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Features;

/// <summary>
/// A binary form of <see cref="AccountState"/> that reads back to the same state: every counter, sketch and the
/// order-dependent remainders (the previous exchange's time, conversation, turn), so that exchanges folded in after a
/// read give exactly what they would have given before the write. What a service keeps instead of the records the state
/// was built from.
/// </summary>
public static class AccountStateCodec
{
    /// <summary>Written first; a snapshot of another version is refused.</summary>
    public const int Version = 1;

    public static void Write(BinaryWriter writer, AccountState state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(state);
        writer.Write(Version);
        state.WriteFields(writer);
    }

    /// <summary>The state <see cref="Write"/> wrote; an <see cref="InvalidDataException"/> when the bytes are not one.</summary>
    public static AccountState Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateCodec.Expect(reader.ReadInt32(), Version, "account state version");
        try
        {
            return AccountState.ReadFields(reader);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("state snapshot: cut short", e);
        }
    }
}

public sealed partial class AccountState
{
    internal void WriteFields(BinaryWriter w)
    {
        w.Write(AccountId.Value);
        w.Write(OrganizationId is not null);
        if (OrganizationId is not null)
        {
            w.Write(OrganizationId);
        }

        foreach (var value in (ReadOnlySpan<long>)[
            Exchanges, Errors, FirstTicks, LastTicks, CreatedTicks, InputTokens, OutputTokens, ReasoningTokens, ReasoningExchanges,
            MaxTokensSum, MaxTokensSet, Truncated, TemperatureSet, ZeroTemperature, TurnIndexSum, MaxTurnIndex, FirstTurns,
            ToolDeclaring, ToolUseAnswers, ToolFeedbacks, ReasoningElicitations, InterleavedTurns, InferredTurns, GapCount,
            _lastTicks, _lastResent, _lastTurn])
        {
            w.Write(value);
        }

        w.Write(GapMean);
        w.Write(GapM2);
        w.Write((ulong)(ActiveDays >> 64));
        w.Write((ulong)ActiveDays);
        w.Write(_lastConversation);
        w.Write(_lastWasToolUse);
        w.Write(_outOfOrder);
        w.Write(_histograms.Length);
        foreach (var count in _histograms)
        {
            w.Write(count);
        }

        DistinctPrompts.Write(w);
        Attributes.Write(w);
        Phrases.Write(w);
        w.Write(Slices is not null);
        Slices?.Write(w);
        _activity.Write(w);
        w.Write(_clients.Bitmap);
    }

    internal static AccountState ReadFields(BinaryReader r)
    {
        var state = new AccountState(new AccountId(r.ReadString()));
        state.OrganizationId = r.ReadBoolean() ? r.ReadString() : null;
        Span<long> v = stackalloc long[27];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = r.ReadInt64();
        }

        (state.Exchanges, state.Errors, state.FirstTicks, state.LastTicks, state.CreatedTicks) = (v[0], (int)v[1], v[2], v[3], v[4]);
        (state.InputTokens, state.OutputTokens, state.ReasoningTokens, state.ReasoningExchanges) = (v[5], v[6], v[7], (int)v[8]);
        (state.MaxTokensSum, state.MaxTokensSet, state.Truncated, state.TemperatureSet, state.ZeroTemperature) = (v[9], (int)v[10], (int)v[11], (int)v[12], (int)v[13]);
        (state.TurnIndexSum, state.MaxTurnIndex, state.FirstTurns, state.ToolDeclaring) = (v[14], (int)v[15], (int)v[16], (int)v[17]);
        (state.ToolUseAnswers, state.ToolFeedbacks, state.ReasoningElicitations, state.InterleavedTurns, state.InferredTurns) = ((int)v[18], (int)v[19], (int)v[20], (int)v[21], (int)v[22]);
        (state.GapCount, state._lastTicks, state._lastResent, state._lastTurn) = (v[23], v[24], (int)v[25], (int)v[26]);
        state.GapMean = r.ReadDouble();
        state.GapM2 = r.ReadDouble();
        var high = r.ReadUInt64();
        state.ActiveDays = new UInt128(high, r.ReadUInt64());
        state._lastConversation = r.ReadUInt64();
        state._lastWasToolUse = r.ReadBoolean();
        state._outOfOrder = r.ReadBoolean();
        StateCodec.Expect(r.ReadInt32(), state._histograms.Length, "histogram size");
        for (var i = 0; i < state._histograms.Length; i++)
        {
            state._histograms[i] = r.ReadInt32();
        }

        state.DistinctPrompts.Read(r);
        state.Attributes.Read(r);
        state.Phrases.Read(r);
        if (r.ReadBoolean())
        {
            state.Slices = new ClientSlices();
            state.Slices.Read(r);
        }

        state._activity = ActivitySignature.Read(r);
        state._clients = LinearCounter64.FromBitmap(r.ReadUInt64());
        return state;
    }
}
