using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using DistillGuard.Core.Model;
using F = DistillGuard.Core.Model.ExchangeFields;

namespace DistillGuard.Simulation.Output;

/// <summary>Writes exchanges as gzip-compressed JSON Lines with the contract's field names; absent optional fields are omitted.</summary>
internal static class ExchangeJsonlWriter
{
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(string path, IReadOnlyList<Exchange> exchanges, IProgress<double>? progress, CancellationToken ct)
    {
        const int FlushAt = 1 << 20;
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        var buffer = new ArrayBufferWriter<byte>(FlushAt + (1 << 16));
        using var json = new Utf8JsonWriter(buffer, Options);
        for (int i = 0; i < exchanges.Count; i++)
        {
            WriteOne(json, exchanges[i]);
            json.Flush();
            json.Reset();
            buffer.GetSpan(1)[0] = (byte)'\n';
            buffer.Advance(1);
            if (buffer.WrittenCount >= FlushAt)
            {
                gzip.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }

            if ((i & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report((double)i / exchanges.Count);
            }
        }

        gzip.Write(buffer.WrittenSpan);
    }

    private static void WriteOne(Utf8JsonWriter w, Exchange e)
    {
        w.WriteStartObject();
        w.WriteString(F.EventId, e.EventId);
        w.WriteString(F.Timestamp, Format(e.Timestamp));
        w.WriteString(F.AccountId, e.AccountId.Value);
        Optional(w, F.OrganizationId, e.OrganizationId);
        Optional(w, F.ApiKeyId, e.ApiKeyId);
        if (e.AccountCreatedAt is { } created)
        {
            w.WriteString(F.AccountCreatedAt, Format(created));
        }

        Optional(w, F.EmailDomain, e.EmailDomain);
        Optional(w, F.PaymentFingerprint, e.PaymentFingerprint);
        Optional(w, F.ClientIp, e.ClientIp);
        Optional(w, F.Asn, e.Asn);
        Optional(w, F.Country, e.Country);
        Optional(w, F.UserAgent, e.UserAgent);
        w.WriteString(F.Model, e.Model);
        Optional(w, F.ConversationId, e.ConversationId);
        Optional(w, F.TurnIndex, e.TurnIndex);
        Optional(w, F.SystemPrompt, e.SystemPrompt);
        w.WriteString(F.Prompt, e.Prompt);
        w.WriteNumber(F.InputTokens, e.InputTokens);
        w.WriteNumber(F.OutputTokens, e.OutputTokens);
        Optional(w, F.ReasoningTokens, e.ReasoningTokens);
        Optional(w, F.MaxTokens, e.MaxTokens);
        if (e.Temperature is { } temperature)
        {
            w.WriteNumber(F.Temperature, temperature);
        }

        Optional(w, F.ToolsDeclared, e.ToolsDeclared);
        Optional(w, F.ToolCalls, e.ToolCalls);
        if (e.StopReason is { } stop)
        {
            w.WriteString(F.StopReason, F.ToContract(stop));
        }

        w.WriteString(F.Status, F.ToContract(e.Status));
        w.WriteEndObject();
    }

    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Optional(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }
}
