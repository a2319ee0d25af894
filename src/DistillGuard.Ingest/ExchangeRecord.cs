using DistillGuard.Core.Model;
using DistillGuard.Ingest.Formats;
using DistillGuard.Ingest.Validation;

namespace DistillGuard.Ingest;

/// <summary>One record checked against the input contract: the exchange, or why it is rejected (with its event id when it had one).</summary>
public readonly record struct RecordCheck(Exchange? Exchange, string? Reason, string? EventId);

/// <summary>
/// The batch reader's per-record path (<see cref="JsonlRecordParser"/>, <see cref="ExchangeValidator"/> and the timestamp
/// window) for one JSON record that arrives on its own, as in a streaming ingest request; there is no second validator.
/// </summary>
public static class ExchangeRecord
{
    [ThreadStatic]
    private static RawRecord? t_record;

    /// <summary>Parses and validates one UTF-8 JSON object.</summary>
    public static RecordCheck Check(ReadOnlySpan<byte> utf8Json, TimestampWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var record = t_record ??= new RawRecord();
        var error = JsonlRecordParser.Parse(utf8Json, record);
        var result = Windowed(error is null ? ExchangeValidator.Validate(record) : ValidationResult.Reject(error, null), window);
        return new RecordCheck(result.Exchange, result.Exchange is null ? result.Reason ?? "invalid record" : null, result.EventId);
    }

    /// <summary>A line of whitespace only: the contract skips it and does not count it as a record.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => JsonlRecordParser.IsBlank(line);

    /// <summary>The result, or its rejection when the exchange's timestamp falls outside <paramref name="window"/>.</summary>
    internal static ValidationResult Windowed(ValidationResult result, TimestampWindow window) =>
        result.Exchange is { } timed && window.Reason(timed.Timestamp) is { } outside
            ? ValidationResult.Reject(outside, timed.EventId)
            : result;
}
