using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Model;
using DistillGuard.Service.Decisions;

namespace DistillGuard.Service.Verdicts;

/// <summary>One signal behind a verdict, as the account endpoint shows it.</summary>
public sealed record ReasonView(string Signal, double Value, double Contribution, string Evidence);

/// <summary><c>GET /v1/accounts/{account_id}</c>: verdict, risk, campaign, reasons and the current action.</summary>
public sealed record AccountView(
    string AccountId, string Verdict, double RiskScore, string? CampaignId, long Exchanges, IReadOnlyList<ReasonView> Reasons,
    string Action, DateTimeOffset? ExpiresAt, string PolicyVersion, long VerdictVersion)
{
    public static AccountView Of(AccountVerdict v, ActionDecision decision, string policyVersion, long version) => new(
        v.AccountId.Value, v.Verdict.ToContract(), v.RiskScore, v.CampaignId?.Value, v.Exchanges,
        [.. v.Reasons.Select(r => new ReasonView(r.Signal, r.Value, r.Contribution, r.Evidence))],
        decision.Action.ToContract(), decision.ExpiresAt, policyVersion, version);
}

/// <summary>A campaign in the list: accounts, exchanges, window and capability mix (the fields of campaigns.json).</summary>
public sealed record CampaignView(
    string CampaignId, IReadOnlyList<string> Accounts, long Exchanges, DateTimeOffset FirstSeen, DateTimeOffset LastSeen,
    long OutputTokens, IReadOnlyDictionary<string, double> CapabilityMix)
{
    public static CampaignView Of(CampaignSummary c) => new(
        c.CampaignId.Value, [.. c.Accounts.Select(a => a.Value)], c.Exchanges, c.FirstSeen, c.LastSeen, c.OutputTokens,
        c.CapabilityMix.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.ToContract(), kv => kv.Value));
}

/// <summary>One member of a campaign with its own verdict.</summary>
public sealed record MemberView(string AccountId, string Verdict, double RiskScore, long Exchanges);

/// <summary><c>GET /v1/campaigns/{campaign_id}</c>: the campaign with its evidence and members.</summary>
public sealed record CampaignDetailView(
    CampaignView Campaign, IReadOnlyList<string> Evidence, IReadOnlyList<string> Models, long InputTokens, long ReasoningTokens,
    double EstimatedApiValueUsd, IReadOnlyList<MemberView> Members)
{
    public static CampaignDetailView Of(CampaignSummary c, VerdictSnapshot snapshot) => new(
        CampaignView.Of(c), c.Evidence, c.Models, c.InputTokens, c.ReasoningTokens, c.EstimatedApiValueUsd,
        [.. c.Accounts.Select(a => snapshot.Find(a) is { } v
            ? new MemberView(a.Value, v.Verdict.ToContract(), v.RiskScore, v.Exchanges)
            : new MemberView(a.Value, Verdict.Benign.ToContract(), 0, 0))]);
}
