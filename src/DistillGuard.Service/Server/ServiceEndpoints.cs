using DistillGuard.Core.Model;
using DistillGuard.Service.Audit;
using DistillGuard.Service.Config;
using DistillGuard.Service.Decisions;
using DistillGuard.Service.Ingest;
using DistillGuard.Service.Labels;
using DistillGuard.Service.State;
using DistillGuard.Service.Verdicts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DistillGuard.Service.Server;

/// <summary>The contract's endpoints (shared/spec/SERVICE.md) and the roles each allows.</summary>
internal static class ServiceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ServiceConfig config, ServiceRuntime runtime, TimeProvider clock, Ui.UiSessions sessions)
    {
        var policy = runtime.Policy;
        app.MapOpenApi("/openapi.json").Open();
        app.MapGet("/healthz", () => ServiceResults.Ok(new Health("ok")))
            .Open().WithSummary("200 {\"status\":\"ok\"} once the service is ready");

        var ingest = new IngestEndpoint(config, runtime.Writer, clock);
        app.MapPost("/v1/exchanges", (Func<HttpContext, Task<IResult>>)ingest.PostAsync)
            .For(Role.Gateway, Role.Admin)
            .WithSummary("Ingest exchanges: application/x-ndjson (one a line) or application/json (an array); {accepted, rejected, duplicates, rejects[{index, reason}]}");

        app.MapGet("/v1/status", async (CancellationToken ct) => ServiceResults.Ok(await runtime.Accounts.WithAsync(
                held => new StatusReply(held.Accounts, runtime.Accounts.Exchanges, runtime.Journal.Count), ct)))
            .For(Role.Analyst, Role.Admin)
            .WithSummary("Accounts and exchanges held, and records journalled");

        var manual = new ManualActions(runtime.Audit, policy, clock);
        app.MapPost("/v1/actions", (Func<HttpContext, Task<IResult>>)manual.PostAsync)
            .For(Role.Admin)
            .WithSummary("A manual action: {account_id | campaign_id, action, expires_at?, reason}; audited, then it stands over the policy until it expires");

        var decider = new Decider(runtime.Verdicts, policy, manual, clock);
        var decide = new DecideEndpoint(decider);
        app.MapPost("/v1/decide", (Func<HttpContext, Task<IResult>>)decide.DecideAsync)
            .For(Role.Gateway, Role.Admin)
            .WithSummary("The decision for one request: {account_id, ...} → action, verdict, risk_score, campaign_id, reasons, policy_version, expires_at");

        var adapters = new GatewayAdapters(decider);
        app.MapPost("/v1/guardrails/litellm", (Func<HttpContext, Task<IResult>>)adapters.LiteLlmAsync)
            .For(Role.Gateway, Role.Admin)
            .WithSummary("LiteLLM Generic Guardrail API: {request_data: {user_api_key_hash | user_api_key_user_id}, texts} → {action: BLOCKED | NONE | GUARDRAIL_INTERVENED, blocked_reason, distillguard_action}");
        app.MapPost("/v1/guardrails/litellm/beta/litellm_basic_guardrail_api", (Func<HttpContext, Task<IResult>>)adapters.LiteLlmAsync)
            .For(Role.Gateway, Role.Admin)
            .WithSummary("The same, at the path LiteLLM appends to api_base (api_base: http://HOST/v1/guardrails/litellm)");
        app.MapMethods("/v1/authz/envoy/{**path}", ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"], adapters.Envoy)
            .For(Role.Gateway, Role.Admin)
            .WithSummary("Envoy HTTP ext_authz (path_prefix /v1/authz/envoy): the account in x-distillguard-account or x-api-key-id; 200 allow, 403 block or challenge, 429 throttle; x-distillguard-action");

        var labels = new LabelStore(runtime.Journal, clock);
        app.MapPost("/v1/labels", (Func<HttpContext, Task<IResult>>)labels.PostAsync)
            .For(Role.Analyst, Role.Admin)
            .WithSummary("Store a label: {account_id, label: organic | campaign, campaign_id?, note?}; a later label of an account stands over an earlier one");

        app.MapGet("/metrics", () => Results.Text(Metrics(runtime), "text/plain; version=0.0.4; charset=utf-8"))
            .For(Role.Admin)
            .WithSummary("Prometheus text format: accounts, exchanges, journal records, verdict version, campaigns, flagged accounts, audit entries");

        app.MapPost("/v1/relink", async (CancellationToken ct) => ServiceResults.Ok(await runtime.Relinker.RelinkAsync(ct)))
            .For(Role.Admin)
            .WithSummary("Runs linking and campaign judgement now; replies when done, with the counts");

        app.MapGet("/v1/accounts/{account_id}", (string account_id) =>
                decider.For(account_id) is { Verdict: { } verdict } decision
                    ? ServiceResults.Ok(AccountView.Of(verdict, decision.Applied, policy.Version, decision.VerdictVersion))
                    : ServiceResults.Error(StatusCodes.Status404NotFound, "no verdict for this account (never seen, or not relinked since it was)"))
            .For(Role.Analyst, Role.Admin)
            .WithSummary("An account's verdict, risk, campaign, reasons and current action");

        app.MapGet("/v1/accounts", (bool? acted, string? after, int? limit) =>
            {
                var size = Math.Clamp(limit ?? AccountPageSize, 1, MaxAccountPageSize);
                var page = AccountList.Page(runtime.Verdicts.Current, decider, acted ?? false, after, size);
                return ServiceResults.Ok(new AccountPage(page, page.Count < size ? null : page[^1].AccountId));
            })
            .For(Role.Analyst, Role.Admin)
            .WithSummary("Accounts with a verdict in account_id order, a page at a time (?after=ACCOUNT_ID&limit=N); ?acted=true keeps only those whose current action is not allow");

        app.MapGet("/v1/campaigns", () => ServiceResults.Ok(runtime.Verdicts.Current.Campaigns.Select(CampaignView.Of).ToArray()))
            .For(Role.Analyst, Role.Admin)
            .WithSummary("Campaigns with accounts, exchanges, window and capability mix");

        app.MapGet("/v1/campaigns/{campaign_id}", (string campaign_id) =>
            {
                var snapshot = runtime.Verdicts.Current;
                return snapshot.FindCampaign(campaign_id) is { } campaign
                    ? ServiceResults.Ok(CampaignDetailView.Of(campaign, snapshot))
                    : ServiceResults.Error(StatusCodes.Status404NotFound, "no such campaign in the current verdicts");
            })
            .For(Role.Analyst, Role.Admin)
            .WithSummary("One campaign with its evidence and members");

        app.MapGet("/v1/audit", (long? after, int? limit) =>
            {
                var size = Math.Clamp(limit ?? AuditPageSize, 1, MaxAuditPageSize);
                var page = runtime.Audit.Page(Math.Max(0, after ?? 0), size);
                return ServiceResults.Ok(new AuditPage(page, page.Count < size ? null : page[^1].Seq));
            })
            .For(Role.Admin)
            .WithSummary("The audit log in order, a page at a time: ?after=SEQ&limit=N; next is the after of the next page");

        app.MapGet("/v1/audit/verify", () => ServiceResults.Ok(runtime.Audit.Verify()))
            .For(Role.Admin)
            .WithSummary("{valid: true, entries: N}, or the first entry whose hash does not chain (first_invalid) and why");

        // The analyst dashboard (/ui/), over the same decider, manual actions, labels and audit log.
        var dashboard = new Ui.Dashboard(runtime, decider, manual, labels, Ui.DashboardOptions.Default);
        runtime.Relinker.AfterEachRelink(dashboard.Activity.CatchUpAsync);
        Ui.DashboardEndpoints.Map(app, dashboard, sessions, new TokenRoles(config.Tokens), clock);
    }

    /// <summary>Audit entries a page holds when the request names no limit.</summary>
    private const int AuditPageSize = 100;

    /// <summary>The most audit entries one page holds.</summary>
    private const int MaxAuditPageSize = 1000;

    /// <summary>Accounts a page holds when the request names no limit.</summary>
    private const int AccountPageSize = 1000;

    /// <summary>The most accounts one page holds.</summary>
    private const int MaxAccountPageSize = 10_000;

    /// <summary>A page of accounts; next is the after of the next page.</summary>
    private sealed record AccountPage(IReadOnlyList<AccountSummaryView> Accounts, string? Next);

    /// <summary>A page of the audit log.</summary>
    private sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long? Next);

    private sealed record Health(string Status);

    /// <summary>The gauges of <c>GET /metrics</c>, in the Prometheus text format (names are the service's own, not attacker text).</summary>
    private static string Metrics(ServiceRuntime runtime)
    {
        var snapshot = runtime.Verdicts.Current;
        var audit = runtime.Audit.Verify();
        (string Name, string Help, double Value)[] gauges =
        [
            ("distillguard_exchanges", "Exchanges folded into the accounts' states.", runtime.Accounts.Exchanges),
            ("distillguard_journal_records", "Records in the write-ahead journal.", runtime.Journal.Count),
            ("distillguard_verdict_version", "Relinks published since start.", snapshot.Version),
            ("distillguard_accounts_with_verdict", "Accounts in the current verdict snapshot.", snapshot.Accounts.Count),
            ("distillguard_flagged_accounts", "Accounts whose current verdict is distillation.", snapshot.Accounts.Values.Count(a => a.Verdict == Verdict.Distillation)),
            ("distillguard_campaigns", "Campaigns in the current verdict snapshot.", snapshot.Campaigns.Count),
            ("distillguard_audit_entries", "Entries in the audit log.", audit.Entries),
            ("distillguard_audit_chain_valid", "1 when the audit chain verifies, 0 when it does not.", audit.Valid ? 1 : 0),
        ];
        var text = new System.Text.StringBuilder();
        foreach (var (name, help, value) in gauges)
        {
            text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
                .Append("# TYPE ").Append(name).Append(" gauge\n")
                .Append(name).Append(' ').Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>What the service holds.</summary>
    private sealed record StatusReply(int Accounts, long Exchanges, long JournalRecords);
}
