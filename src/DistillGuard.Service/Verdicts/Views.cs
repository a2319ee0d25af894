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

/// <summary>One account in <c>GET /v1/accounts</c>: its verdict and the action the gateway is told now.</summary>
public sealed record AccountSummaryView(
    string AccountId, string Verdict, double RiskScore, string? CampaignId, long Exchanges, string Action, DateTimeOffset? ExpiresAt);

/// <summary>Pages through one snapshot's accounts in ordinal account_id order.</summary>
internal static class AccountList
{
    /// <param name="acted">Keep only accounts whose current action (policy, shadow mode and manual actions applied) is not allow.</param>
    /// <param name="after">The last account_id of the page before; null for the first page.</param>
    public static IReadOnlyList<AccountSummaryView> Page(VerdictSnapshot snapshot, Decider decider, bool acted, string? after, int size)
    {
        var page = new List<AccountSummaryView>(Math.Min(size, snapshot.Accounts.Count));
        foreach (var id in snapshot.Accounts.Keys.Select(k => k.Value).Where(k => after is null || string.CompareOrdinal(k, after) > 0).Order(StringComparer.Ordinal))
        {
            var decision = decider.For(snapshot, id);
            if (acted && decision.Applied.Action == EnforcementAction.Allow)
            {
                continue;
            }

            var v = decision.Verdict!;
            page.Add(new AccountSummaryView(
                id, v.Verdict.ToContract(), v.RiskScore, v.CampaignId?.Value, v.Exchanges, decision.Applied.Action.ToContract(), decision.Applied.ExpiresAt));
            if (page.Count == size)
            {
                break;
            }
        }

        return page;
    }
}
