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
internal sealed class DecideEndpoint(IVerdictSource verdicts, IDecisionPolicy policy, ManualActions manual, TimeProvider clock)
{
    public async Task<IResult> DecideAsync(HttpContext context)
    {
        DecideRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<DecideRequest>(context.Request.Body, ServiceResults.Json, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            return ServiceResults.Error(StatusCodes.Status400BadRequest, "the body is not a decide request: " + ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ServiceResults.Error(StatusCodes.Status413PayloadTooLarge, "the body is over the limit (max_body_bytes)");
        }

        if (string.IsNullOrEmpty(request?.AccountId))
        {
            return ServiceResults.Error(StatusCodes.Status400BadRequest, "account_id is required");
        }

        var snapshot = verdicts.Current;
        var verdict = snapshot.Find(new AccountId(request.AccountId));
        var now = clock.GetUtcNow();
        var wanted = policy.Decide(verdict, now);
        var decision = manual.Over(policy.Applied(wanted), request.AccountId, verdict?.CampaignId, now);
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
            snapshot.Version,
            policy.Shadow ? wanted.Action.ToContract() : null));
    }
}
