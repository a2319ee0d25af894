using System.Text.Json;
using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Model;
using DistillGuard.Service.Server;
using DistillGuard.Service.Verdicts;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Decisions;

/// <summary>The LiteLLM Generic Guardrail API's reply: <c>BLOCKED</c>, <c>NONE</c> or <c>GUARDRAIL_INTERVENED</c>; <c>distillguard_action</c> names the action for a LiteLLM hook that acts on it.</summary>
public sealed record LiteLlmGuardrailReply(string Action, string? BlockedReason, IReadOnlyList<string>? Texts, string DistillguardAction);

/// <summary>
/// The hooks gateways already call, answered from the same verdict snapshot and policy as <c>POST /v1/decide</c>:
/// LiteLLM's Generic Guardrail API (the account is <c>request_data.user_api_key_hash</c>, else <c>user_api_key_user_id</c>)
/// and Envoy's HTTP <c>ext_authz</c> (the account is the <c>x-distillguard-account</c> header, else <c>x-api-key-id</c>;
/// 200 to allow, 403 or 429 to deny, the action in <c>x-distillguard-action</c>). An account they do not name, or one
/// never seen, is allowed: it gives no grounds to act.
/// </summary>
internal sealed class GatewayAdapters(Decider decider)
{
    /// <summary>The header Envoy forwards that names the account (allowed_headers of the ext_authz filter).</summary>
    public const string AccountHeader = "x-distillguard-account";

    /// <summary>A second header that may name the account: the provider's API key id.</summary>
    public const string ApiKeyIdHeader = "x-api-key-id";

    /// <summary>The header that carries the action back (allowed_upstream_headers / allowed_client_headers).</summary>
    public const string ActionHeader = "x-distillguard-action";

    public async Task<IResult> LiteLlmAsync(HttpContext context)
    {
        var (body, refusal) = await ServiceResults.ReadJsonAsync<JsonElement>(context, "a guardrail request");
        if (refusal is not null)
        {
            return refusal;
        }

        var texts = LiteLlmTexts(body);
        var (action, reasons) = Decide(LiteLlmAccount(body));
        return ServiceResults.Ok(action switch
        {
            EnforcementAction.Allow => new LiteLlmGuardrailReply("NONE", null, null, action.ToContract()),
            EnforcementAction.Block or EnforcementAction.Challenge => new LiteLlmGuardrailReply("BLOCKED", Reason(action, reasons), null, action.ToContract()),
            // The request goes on with its texts unchanged; throttling or withholding reasoning is the gateway's to apply.
            _ => new LiteLlmGuardrailReply("GUARDRAIL_INTERVENED", Reason(action, reasons), texts ?? [], action.ToContract()),
        });
    }

    public IResult Envoy(HttpContext context)
    {
        var headers = context.Request.Headers;
        var account = Named(headers[AccountHeader].ToString()) ?? Named(headers[ApiKeyIdHeader].ToString());
        var (action, _) = Decide(account);
        context.Response.Headers[ActionHeader] = action.ToContract();
        return Results.StatusCode(action switch
        {
            EnforcementAction.Block or EnforcementAction.Challenge => StatusCodes.Status403Forbidden,
            EnforcementAction.Throttle => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status200OK,
        });
    }

    private (EnforcementAction Action, IReadOnlyList<string> Reasons) Decide(string? account)
    {
        var decision = decider.For(account).Applied;
        return (decision.Action, decision.Reasons);
    }

    private static string Reason(EnforcementAction action, IReadOnlyList<string> reasons) =>
        $"distillguard: {action.ToContract()}" + (reasons.Count > 0 ? ": " + reasons[0] : "");

    private static string? LiteLlmAccount(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("request_data", out var data) && data.ValueKind == JsonValueKind.Object
            ? Named(Text(data, "user_api_key_hash")) ?? Named(Text(data, "user_api_key_user_id")) ?? Named(Text(data, "user_id"))
            : null;

    private static IReadOnlyList<string>? LiteLlmTexts(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("texts", out var texts) && texts.ValueKind == JsonValueKind.Array
            ? [.. texts.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)]
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Named(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
