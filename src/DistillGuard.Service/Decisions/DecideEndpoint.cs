using System.Text.Json;
using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Model;
using DistillGuard.Service.Server;
using DistillGuard.Service.Verdicts;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Decisions;

/// <summary>The body of <c>POST /v1/decide</c>: the account and, optionally, the request's metadata named as in the input contract.</summary>
public sealed record DecideRequest(
    string? AccountId, string? ClientIp = null, string? UserAgent = null, string? Model = null, string? OrganizationId = null,
    string? ApiKeyId = null, string? PaymentFingerprint = null, long? MaxTokens = null, string? SystemPrompt = null, string? Prompt = null);

/// <summary>
/// The contract's reply to <c>POST /v1/decide</c>, plus the version of the verdicts it read (<c>verdict_version</c>) and,
/// when the policy runs in shadow mode, the action it would have taken (<c>shadow_action</c>).
/// </summary>
public sealed record DecisionReply(
    string DecisionId, string AccountId, string Action, string Verdict, double RiskScore, string? CampaignId,
    IReadOnlyList<string> Reasons, string PolicyVersion, DateTimeOffset? ExpiresAt, long VerdictVersion, string? ShadowAction);

/// <summary>
/// <c>POST /v1/decide</c>: reads the current verdict snapshot (never waits on linking) and applies the policy (in shadow mode the reply is <c>allow</c>).
/// An account without a verdict gets <c>allow</c>.
/// </summary>
internal sealed class DecideEndpoint(Decider decider)
{
    public async Task<IResult> DecideAsync(HttpContext context)
    {
        var (request, refusal) = await ServiceResults.ReadJsonAsync<DecideRequest>(context, "a decide request");
        if (refusal is not null)
        {
            return refusal;
        }

        if (string.IsNullOrEmpty(request?.AccountId))
        {
            return ServiceResults.Error(StatusCodes.Status400BadRequest, "account_id is required");
        }

        var (verdict, wanted, decision, version) = decider.For(request.AccountId);
        var policy = decider.Policy;
        return ServiceResults.Ok(new DecisionReply(
            Guid.NewGuid().ToString("N"),
            request.AccountId,
            decision.Action.ToContract(),
            (verdict?.Verdict ?? Verdict.Benign).ToContract(),
            verdict?.RiskScore ?? 0,
            verdict?.CampaignId?.Value,
            decision.Reasons,
            policy.Version,
            decision.ExpiresAt,
            version,
            policy.Shadow ? wanted.Action.ToContract() : null));
    }
}
