namespace DistillGuard.Core.Model;

using SR = DistillGuard.Core.Model.StopReason;

/// <summary>The contract's field names, shared by every reader and writer.</summary>
public static class ExchangeFields
{
    public const string EventId = "event_id";
    public const string Timestamp = "timestamp";
    public const string AccountId = "account_id";
    public const string OrganizationId = "organization_id";
    public const string ApiKeyId = "api_key_id";
    public const string AccountCreatedAt = "account_created_at";
    public const string EmailDomain = "email_domain";
    public const string PaymentFingerprint = "payment_fingerprint";
    public const string ClientIp = "client_ip";
    public const string Asn = "asn";
    public const string Country = "country";
    public const string UserAgent = "user_agent";
    public const string Model = "model";
    public const string ConversationId = "conversation_id";
    public const string TurnIndex = "turn_index";
    public const string SystemPrompt = "system_prompt";
    public const string Prompt = "prompt";
    public const string InputTokens = "input_tokens";
    public const string OutputTokens = "output_tokens";
    public const string ReasoningTokens = "reasoning_tokens";
    public const string MaxTokens = "max_tokens";
    public const string Temperature = "temperature";
    public const string ToolsDeclared = "tools_declared";
    public const string ToolCalls = "tool_calls";
    public const string StopReason = "stop_reason";
    public const string Status = "status";

    /// <summary>Contract spelling of a stop reason.</summary>
    public static string ToContract(StopReason reason) => reason switch
    {
        SR.EndTurn => "end_turn",
        SR.MaxTokens => "max_tokens",
        SR.ToolUse => "tool_use",
        SR.StopSequence => "stop_sequence",
        SR.Refusal => "refusal",
        _ => "unknown",
    };

    /// <summary>Contract spelling of a status.</summary>
    public static string ToContract(ExchangeStatus status) => status switch
    {
        ExchangeStatus.Error => "error",
        ExchangeStatus.Refused => "refused",
        _ => "ok",
    };

    public static bool TryParseStopReason(string text, out StopReason reason)
    {
        reason = text switch
        {
            "end_turn" => SR.EndTurn,
            "max_tokens" => SR.MaxTokens,
            "tool_use" => SR.ToolUse,
            "stop_sequence" => SR.StopSequence,
            "refusal" => SR.Refusal,
            _ => SR.Unknown,
        };
        return reason != SR.Unknown;
    }

    public static bool TryParseStatus(string text, out ExchangeStatus status)
    {
        switch (text)
        {
            case "ok": status = ExchangeStatus.Ok; return true;
            case "error": status = ExchangeStatus.Error; return true;
            case "refused": status = ExchangeStatus.Refused; return true;
            default: status = ExchangeStatus.Ok; return false;
        }
    }
}
