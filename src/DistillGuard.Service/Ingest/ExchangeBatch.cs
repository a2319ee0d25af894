using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Ingest;

namespace DistillGuard.Service.Ingest;

/// <summary>One record of a batch that passed validation: where it was in the batch, the exchange, its signals and its JSON.</summary>
internal sealed record ValidRecord(int Index, Exchange Exchange, ExchangeSignals Signals, string Json);

/// <summary>A record of a batch that failed validation; <c>index</c> is 0-based among the records sent.</summary>
public sealed record RecordReject(int Index, string Reason);

/// <summary>An ingest body read into records: the valid ones and the rejects, and how many were sent.</summary>
internal sealed record ExchangeBatch(int Sent, IReadOnlyList<ValidRecord> Valid, IReadOnlyList<RecordReject> Rejects)
{
    /// <summary>
    /// Reads a body of JSON Lines (one record a line; blank lines are not records) or, when <paramref name="jsonArray"/>,
    /// a JSON array of records. Each record goes through the batch path's validator (<see cref="ExchangeRecord"/>).
    /// Returns null with the reason when the body as a whole is not what its media type says.
    /// </summary>
    public static (ExchangeBatch? Batch, string? Error) Read(ReadOnlyMemory<byte> body, bool jsonArray, TimestampWindow window)
    {
        var records = new List<ReadOnlyMemory<byte>>();
        if (jsonArray)
        {
            if (ArrayElements(body, records) is { } error)
            {
                return (null, error);
            }
        }
        else
        {
            Lines(body, records);
        }

        var valid = new List<ValidRecord>(records.Count);
        var rejects = new List<RecordReject>();
        for (var i = 0; i < records.Count; i++)
        {
            var span = records[i].Span;
            var check = ExchangeRecord.Check(span, window);
            if (check.Exchange is { } exchange)
            {
                valid.Add(new ValidRecord(i, exchange, ExchangeSignals.Of(exchange), Encoding.UTF8.GetString(span)));
            }
            else
            {
                rejects.Add(new RecordReject(i, check.Reason!));
            }
        }

        return (new ExchangeBatch(records.Count, valid, rejects), null);
    }

    private static void Lines(ReadOnlyMemory<byte> body, List<ReadOnlyMemory<byte>> records)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (body.Span.StartsWith(bom))
        {
            body = body[bom.Length..];
        }

        while (!body.IsEmpty)
        {
            var end = body.Span.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? ReadOnlyMemory<byte>.Empty : body[(end + 1)..];
            if (!line.IsEmpty && line.Span[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (!ExchangeRecord.IsBlank(line.Span))
            {
                records.Add(line);
            }
        }
    }

    private static string? ArrayElements(ReadOnlyMemory<byte> body, List<ReadOnlyMemory<byte>> records)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return "the body is not valid JSON: " + ex.Message;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return "an application/json body must be an array of exchange records";
            }

            foreach (var element in document.RootElement.EnumerateArray())
            {
                // Copied out: the document's buffer is returned to the pool when it is disposed.
                records.Add(JsonMarshal.GetRawUtf8Value(element).ToArray());
            }
        }

        return null;
    }
}
