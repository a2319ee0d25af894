using System.Text.Json;
using System.Text.Unicode;
using DistillGuard.Ingest.Validation;

namespace DistillGuard.Ingest.Formats;

/// <summary>Parses one JSON Lines record from raw UTF-8 bytes with <see cref="Utf8JsonReader"/> into a <see cref="RawRecord"/>.</summary>
internal static class JsonlRecordParser
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    /// <summary>Returns null when the line was parsed into <paramref name="record"/>, else the reject reason.</summary>
    public static string? Parse(ReadOnlySpan<byte> line, RawRecord record)
    {
        record.Clear();
        if (!Utf8.IsValid(line))
        {
            return "invalid UTF-8";
        }

        try
        {
            return ParseObject(line, record);
        }
        catch (JsonException e)
        {
            return "invalid JSON: " + OneLine(e.Message);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader.GetString on an escape that is not valid UTF-16 (a lone surrogate).
            return "invalid JSON: " + OneLine(e.Message);
        }
    }

    /// <summary>Blank lines (only whitespace) are skipped by the contract, not counted.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.TrimStart(" \t\r"u8).IsEmpty;

    private static string? ParseObject(ReadOnlySpan<byte> line, RawRecord record)
    {
        var reader = new Utf8JsonReader(line, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "invalid JSON: a record must be a JSON object";
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped
                ? FieldNames.Find(reader.GetString()!)
                : FieldNames.Find(reader.ValueSpan);
            reader.Read();
            if (field < 0)
            {
                reader.Skip();
                continue;
            }

            record.Set(field, ReadValue(ref reader, (Field)field));
        }

        // Anything after the closing brace makes Read throw (a single top-level value is expected).
        reader.Read();
        return null;
    }

    private static RawValue ReadValue(ref Utf8JsonReader reader, Field field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.ValueIsEscaped && field is Field.Timestamp or Field.AccountCreatedAt
                && Instant(reader.ValueSpan) is { } ticks:
                return RawValue.OfInstant(ticks);
            case JsonTokenType.String when !reader.ValueIsEscaped && Recurs(field):
                return RawValue.OfString(Utf8StringCache.ForThread.Get(reader.ValueSpan));
            case JsonTokenType.String:
                return RawValue.OfString(reader.GetString()!);
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var n))
                {
                    return RawValue.OfInteger(n);
                }

                return reader.TryGetDouble(out var d) ? RawValue.OfFloat(d) : RawValue.OfOther("number");
            case JsonTokenType.Null:
                return default; // null for an optional field = absent
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return RawValue.OfOther("structure");
            default:
                return RawValue.OfOther("boolean");
        }
    }

    /// <summary>Fields whose values recur across an account's records: read through the thread's <see cref="Utf8StringCache"/>.</summary>
    private static bool Recurs(Field field) => field is Field.AccountId or Field.OrganizationId or Field.ApiKeyId
        or Field.EmailDomain or Field.PaymentFingerprint or Field.ClientIp or Field.Country or Field.UserAgent
        or Field.Model or Field.ConversationId or Field.SystemPrompt or Field.StopReason or Field.Status;

    /// <summary>
    /// An unescaped RFC 3339 date-time read straight from its bytes (UTC ticks), as <see cref="Rfc3339.TryParse"/> reads
    /// its text; null when it is not one, and the text then goes to validation, which rejects it with the reason.
    /// </summary>
    private static long? Instant(ReadOnlySpan<byte> utf8)
    {
        const int longest = 64;
        if (utf8.Length > longest)
        {
            return null;
        }

        Span<char> text = stackalloc char[longest];
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] > 0x7F)
            {
                return null;
            }

            text[i] = (char)utf8[i];
        }

        return Rfc3339.TryParse(text[..utf8.Length], out var value) ? value.UtcTicks : null;
    }

    private static string OneLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}
