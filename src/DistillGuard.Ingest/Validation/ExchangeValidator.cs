using System.Globalization;
using DistillGuard.Core.Model;

namespace DistillGuard.Ingest.Validation;

/// <summary>Outcome of validating one record: an accepted exchange or a one-line reason.</summary>
internal readonly record struct ValidationResult(Exchange? Exchange, string? Reason, string? EventId)
{
    public static ValidationResult Reject(string reason, string? eventId) => new(null, reason, eventId);
}

/// <summary>The one validation path of every format: contract types, ranges and required fields.</summary>
internal static class ExchangeValidator
{
    private const string StopReasons = "end_turn, max_tokens, tool_use, stop_sequence, refusal";

    public static ValidationResult Validate(RawRecord r)
    {
        string? error = null;
        if (!RequiredString(r, Field.EventId, out var eventId, ref error))
        {
            return ValidationResult.Reject(error!, null);
        }

        var ok =
            Time(r, Field.Timestamp, true, out var timestamp, ref error)
            & RequiredString(r, Field.AccountId, out var accountId, ref error)
            & OptionalString(r, Field.OrganizationId, out var organizationId, ref error)
            & OptionalString(r, Field.ApiKeyId, out var apiKeyId, ref error)
            & Time(r, Field.AccountCreatedAt, false, out var accountCreatedAt, ref error)
            & OptionalString(r, Field.EmailDomain, out var emailDomain, ref error)
            & OptionalString(r, Field.PaymentFingerprint, out var paymentFingerprint, ref error)
            & OptionalString(r, Field.ClientIp, out var clientIp, ref error)
            & Integer(r, Field.Asn, false, 0, long.MaxValue, out var asn, ref error)
            & OptionalString(r, Field.Country, out var country, ref error)
            & OptionalString(r, Field.UserAgent, out var userAgent, ref error)
            & RequiredString(r, Field.Model, out var model, ref error)
            & OptionalString(r, Field.ConversationId, out var conversationId, ref error)
            & Integer(r, Field.TurnIndex, false, 0, int.MaxValue, out var turnIndex, ref error)
            & OptionalString(r, Field.SystemPrompt, out var systemPrompt, ref error)
            & PromptText(r, out var prompt, ref error)
            & Integer(r, Field.InputTokens, true, 0, long.MaxValue, out var inputTokens, ref error)
            & Integer(r, Field.OutputTokens, true, 0, long.MaxValue, out var outputTokens, ref error)
            & Integer(r, Field.ReasoningTokens, false, 0, long.MaxValue, out var reasoningTokens, ref error)
            & Integer(r, Field.MaxTokens, false, 1, long.MaxValue, out var maxTokens, ref error)
            & Number(r, Field.Temperature, out var temperature, ref error)
            & Integer(r, Field.ToolsDeclared, false, 0, int.MaxValue, out var toolsDeclared, ref error)
            & Integer(r, Field.ToolCalls, false, 0, int.MaxValue, out var toolCalls, ref error)
            & StopReasonOf(r, out var stopReason, ref error)
            & StatusOf(r, out var status, ref error);
        if (!ok)
        {
            return ValidationResult.Reject(error!, eventId);
        }

        if (prompt!.Length == 0 && status != ExchangeStatus.Error)
        {
            return ValidationResult.Reject("prompt may be empty only with status 'error'", eventId);
        }

        var exchange = new Exchange
        {
            EventId = eventId!,
            Timestamp = timestamp!.Value,
            AccountId = new AccountId(accountId!),
            OrganizationId = organizationId,
            ApiKeyId = apiKeyId,
            AccountCreatedAt = accountCreatedAt,
            EmailDomain = emailDomain,
            PaymentFingerprint = paymentFingerprint,
            ClientIp = clientIp,
            Asn = asn,
            Country = country,
            UserAgent = userAgent,
            Model = model!,
            ConversationId = conversationId,
            TurnIndex = (int?)turnIndex,
            SystemPrompt = systemPrompt,
            Prompt = prompt,
            InputTokens = inputTokens!.Value,
            OutputTokens = outputTokens!.Value,
            ReasoningTokens = reasoningTokens,
            MaxTokens = maxTokens,
            Temperature = temperature,
            ToolsDeclared = (int?)toolsDeclared,
            ToolCalls = (int?)toolCalls,
            StopReason = stopReason,
            Status = status,
        };
        return new ValidationResult(exchange, null, eventId);
    }

    // Each check records only the first error, so the reason names the first bad field in contract order.
    private static bool Fail(ref string? error, string message)
    {
        error ??= message;
        return false;
    }

    private static string Q(Field f) => $"field '{FieldNames.Name(f)}'";

    private static bool OptionalString(RawRecord r, Field f, out string? value, ref string? error)
    {
        var v = r[f];
        value = null;
        return v.Kind switch
        {
            RawKind.Absent => true,
            RawKind.String or RawKind.Text => (value = v.Text) is not null,
            _ => Fail(ref error, $"{Q(f)} must be a string"),
        };
    }

    private static bool RequiredString(RawRecord r, Field f, out string? value, ref string? error)
    {
        if (r[f].Kind == RawKind.Absent)
        {
            value = null;
            return Fail(ref error, $"missing required field '{FieldNames.Name(f)}'");
        }

        if (!OptionalString(r, f, out value, ref error))
        {
            return false;
        }

        return value!.Length > 0 || Fail(ref error, $"{Q(f)} must not be empty");
    }

    // Unlike other required strings the prompt may be empty (checked against status afterwards).
    private static bool PromptText(RawRecord r, out string? value, ref string? error)
    {
        if (r[Field.Prompt].Kind == RawKind.Absent)
        {
            value = null;
            return Fail(ref error, $"missing required field '{ExchangeFields.Prompt}'");
        }

        return OptionalString(r, Field.Prompt, out value, ref error);
    }

    private static bool Integer(RawRecord r, Field f, bool required, long min, long max, out long? value, ref string? error)
    {
        var v = r[f];
        value = null;
        long n;
        switch (v.Kind)
        {
            case RawKind.Absent:
                return !required || Fail(ref error, $"missing required field '{FieldNames.Name(f)}'");
            case RawKind.Integer:
                n = v.Integer;
                break;
            case RawKind.Float when IsIntegral(v.Float):
                n = (long)v.Float;
                break;
            case RawKind.Text when long.TryParse(v.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                n = parsed;
                break;
            case RawKind.Text when double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && IsIntegral(d):
                n = (long)d;
                break;
            default:
                return Fail(ref error, $"{Q(f)} must be an integer");
        }

        if (n < min)
        {
            return Fail(ref error, $"{Q(f)} must be ≥ {min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (n > max)
        {
            return Fail(ref error, $"{Q(f)} must be ≤ {max.ToString(CultureInfo.InvariantCulture)}");
        }

        value = n;
        return true;
    }

    // Whole doubles within ±2^63 (e.g. 3.0 from a warehouse export) count as integers; 1.5 does not.
    private static bool IsIntegral(double d) => double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9.2e18;

    private static bool Number(RawRecord r, Field f, out double? value, ref string? error)
    {
        var v = r[f];
        value = v.Kind switch
        {
            RawKind.Integer => v.Integer,
            RawKind.Float => v.Float,
            RawKind.Text when double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
        if (v.Kind == RawKind.Absent)
        {
            return true;
        }

        return (value is { } x && double.IsFinite(x)) || Fail(ref error, $"{Q(f)} must be a number");
    }

    private static bool Time(RawRecord r, Field f, bool required, out DateTimeOffset? value, ref string? error)
    {
        var v = r[f];
        value = null;
        if (v.Kind == RawKind.Absent)
        {
            return !required || Fail(ref error, $"missing required field '{FieldNames.Name(f)}'");
        }

        if (v.Kind is RawKind.String or RawKind.Text && Rfc3339.TryParse(v.Text, out var t))
        {
            value = t;
            return true;
        }

        if (v.Kind == RawKind.Instant && v.Integer is >= 0 and <= 3155378975999999999)
        {
            value = new DateTimeOffset(v.Integer, TimeSpan.Zero);
            return true;
        }

        return Fail(ref error, $"{Q(f)} is not an RFC 3339 date-time");
    }

    private static bool StopReasonOf(RawRecord r, out StopReason? value, ref string? error)
    {
        value = null;
        if (!OptionalString(r, Field.StopReason, out var text, ref error))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (ExchangeFields.TryParseStopReason(text, out var reason))
        {
            value = reason;
            return true;
        }

        return Fail(ref error, $"{Q(Field.StopReason)} must be one of {StopReasons}");
    }

    private static bool StatusOf(RawRecord r, out ExchangeStatus value, ref string? error)
    {
        value = ExchangeStatus.Ok;
        if (!OptionalString(r, Field.Status, out var text, ref error))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        return ExchangeFields.TryParseStatus(text, out value)
            || Fail(ref error, $"{Q(Field.Status)} must be one of ok, error, refused");
    }
}
