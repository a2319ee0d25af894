using System.Text.Json;
using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Model;
using DistillGuard.Service.Audit;
using DistillGuard.Service.Config;
using DistillGuard.Service.Server;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Decisions;

/// <summary>The body of <c>POST /v1/actions</c> (contract: <c>{account_id | campaign_id, action, expires_at?, reason}</c>).</summary>
public sealed record ActionRequest(string? AccountId, string? CampaignId, string? Action, DateTimeOffset? ExpiresAt, string? Reason);

/// <summary>The reply of <c>POST /v1/actions</c>: the action as recorded.</summary>
public sealed record ManualActionReply(string Subject, string Action, DateTimeOffset? ExpiresAt, string Actor, string Reason);

/// <summary>A manual action in force: on whom, what, until when, by whom and why.</summary>
public sealed record ManualAction(string Subject, EnforcementAction Action, DateTimeOffset? ExpiresAt, string Actor, string Reason)
{
    public bool InForce(DateTimeOffset now) => ExpiresAt is not { } expires || expires > now;
}

/// <summary>
/// Admins' actions on an account or a campaign. Each is written to the audit log first (origin manual, the admin's token
/// name, the reason as evidence) and then stands over the policy for that account, or every account of that campaign,
/// until it expires, in shadow mode too: a person decided it. The latest manual action on a subject is the one in force;
/// <c>allow</c> lifts an earlier one. Rebuilt from the audit log at start.
/// </summary>
internal sealed class ManualActions
{
    /// <summary>Longest reason kept, in characters.</summary>
    public const int MaxReasonLength = 2000;

    private readonly AuditLog audit;
    private readonly IDecisionPolicy policy;
    private readonly TimeProvider clock;
    private readonly Dictionary<string, ManualAction> inForce = new(StringComparer.Ordinal);

    public ManualActions(AuditLog audit, IDecisionPolicy policy, TimeProvider clock)
    {
        (this.audit, this.policy, this.clock) = (audit, policy, clock);
        foreach (var entry in audit.Manual())
        {
            inForce[entry.Draft.Subject] = new ManualAction(entry.Draft.Subject, entry.Draft.Action, entry.Draft.ExpiresAt, entry.Draft.Actor, entry.Draft.Evidence);
        }
    }

    /// <summary>The decision with a manual action in force on the account or its campaign put over it.</summary>
    public ActionDecision Over(ActionDecision decision, string? account, CampaignId? campaign, DateTimeOffset now)
    {
        ManualAction? found;
        lock (inForce)
        {
            found = (account is null ? null : inForce.GetValueOrDefault("account:" + account)) is { } a && a.InForce(now) ? a
                : (campaign is { } c ? inForce.GetValueOrDefault("campaign:" + c.Value) : null) is { } b && b.InForce(now) ? b
                : null;
        }

        return found is null ? decision : new ActionDecision(found.Action, [$"manual action by {found.Actor}: {found.Reason}", .. decision.Reasons], found.ExpiresAt);
    }

    public async Task<IResult> PostAsync(HttpContext context)
    {
        var (request, refusal) = await ServiceResults.ReadJsonAsync<ActionRequest>(context, "an action");
        if (refusal is not null)
        {
            return refusal;
        }

        var (reply, problem) = Take(request, context.Features.Get<ServiceToken>()?.Name ?? "unknown");
        return reply is not null ? ServiceResults.Ok(reply) : ServiceResults.Error(StatusCodes.Status400BadRequest, problem!);
    }

    /// <summary>Checks the request and, when it holds, audits the action and puts it in force; else says what is wrong (the endpoint's and the dashboard's one path).</summary>
    public (ManualActionReply? Reply, string? Problem) Take(ActionRequest? request, string actor)
    {
        var now = clock.GetUtcNow();
        var action = EnforcementAction.Allow;
        var problem = request is null ? "the body must be a JSON object"
            : string.IsNullOrWhiteSpace(request.AccountId) == string.IsNullOrWhiteSpace(request.CampaignId) ? "give exactly one of account_id or campaign_id"
            : !EnforcementActions.TryParse(request.Action, out action) ? $"action must be one of {EnforcementActions.Names}"
            : string.IsNullOrWhiteSpace(request.Reason) ? "reason is required (it is the action's evidence in the audit log)"
            : request.Reason.Length > MaxReasonLength ? $"reason is over {MaxReasonLength} characters"
            : request.ExpiresAt is { } expires && expires <= now ? "expires_at must lie in the future"
            : null;
        if (problem is not null)
        {
            return (null, problem);
        }

        var subject = request!.AccountId is { Length: > 0 } id ? "account:" + id : "campaign:" + request.CampaignId;
        var draft = new AuditDraft(now, actor, AuditOrigin.Manual, subject, action, false, request.ExpiresAt, policy.Version, request.Reason!);
        lock (inForce)
        {
            audit.Append([draft]);
            inForce[subject] = new ManualAction(subject, action, request.ExpiresAt, actor, request.Reason!);
        }

        return (new ManualActionReply(subject, action.ToContract(), request.ExpiresAt, actor, request.Reason!), null);
    }

    /// <summary>The manual action in force on <paramref name="subject"/> (<c>account:ID</c> or <c>campaign:ID</c>) now, or null.</summary>
    public ManualAction? InForce(string subject)
    {
        lock (inForce)
        {
            return inForce.GetValueOrDefault(subject) is { } found && found.InForce(clock.GetUtcNow()) ? found : null;
        }
    }
}
