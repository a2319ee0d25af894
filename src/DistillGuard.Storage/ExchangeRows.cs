namespace DistillGuard.Storage;

using DistillGuard.Core.Model;
using DuckDB.NET.Data;

/// <summary>
/// Appends the minimised exchanges of one run through DuckDB's appender, the bulk path (no
/// per-row SQL). The appender stays open across batches, because opening and closing one per
/// 10k-row batch costs more than half the append rate; DuckDB flushes it into the table every
/// ~200k rows by itself, and <see cref="Dispose"/> flushes the rest.
/// </summary>
internal sealed class ExchangeRows : IDisposable
{
    private readonly DuckDBAppender appender;

    public ExchangeRows(DuckDBConnection connection, string runId)
    {
        RunId = runId;
        appender = connection.CreateAppender("exchanges");
    }

    public string RunId { get; }

    public void Append(IReadOnlyList<StoredExchange> batch)
    {
        foreach (var e in batch)
        {
            appender.CreateRow()
                .AppendValue(RunId)
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

    /// <summary>Flushes the rows still buffered into the table and releases the appender.</summary>
    public void Dispose() => appender.Dispose();
}
