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

            record.Set(field, ReadValue(ref reader));
        }

        // Anything after the closing brace makes Read throw (a single top-level value is expected).
        reader.Read();
        return null;
    }

    private static RawValue ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
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

    private static string OneLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        return cut < 0 ? message : message[..cut];
    }
}
