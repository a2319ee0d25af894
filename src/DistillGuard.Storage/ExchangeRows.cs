namespace DistillGuard.Storage;

using DistillGuard.Core.Model;
using DuckDB.NET.Data;

/// <summary>Appends minimised exchanges through DuckDB's appender, the bulk path (no per-row SQL).</summary>
internal static class ExchangeRows
{
    public static void Append(DuckDBConnection connection, string runId, IReadOnlyList<StoredExchange> batch)
    {
        // Closing the appender at the end of each batch flushes it: a crash loses at most the batch in hand.
        using var appender = connection.CreateAppender("exchanges");
        foreach (var e in batch)
        {
            appender.CreateRow()
                .AppendValue(runId)
                .AppendValue(e.EventId)
                .AppendValue((DateTimeOffset?)e.Timestamp.ToUniversalTime())
                .AppendValue(e.AccountId.Value)
                .AppendValue(e.Model)
                .AppendValue(e.ConversationId)
                .AppendValue(e.TurnIndex)
                .AppendValue((long?)e.InputTokens)
                .AppendValue((long?)e.OutputTokens)
                .AppendValue(e.ReasoningTokens)
                .AppendValue(e.MaxTokens)
                .AppendValue(e.Temperature)
                .AppendValue(e.ToolsDeclared)
                .AppendValue(e.ToolCalls)
                .AppendValue(e.StopReason)
                .AppendValue(e.Status)
                .AppendValue((byte?)e.Capability)
                .AppendValue((bool?)e.ElicitsReasoning)
                .AppendValue((ulong?)e.PromptHash)
                .AppendValue((ulong?)e.TemplateHash)
                .AppendValue(e.ClientIpHash)
                .AppendValue(e.NetworkHash)
                .AppendValue(e.Asn)
                .AppendValue(e.Country)
                .AppendValue(e.PaymentHash)
                // Minimisation: the text is kept only when the caller put it there on purpose.
                .AppendValue(e.PromptText)
                .EndRow();
        }
    }
}
