using DistillGuard.Core.Model;
using DistillGuard.Service.Verdicts;

namespace DistillGuard.Service.Decisions;

/// <summary>One account's decision: its verdict (null when it has none), what the policy wants, what the gateway is told, and the snapshot read.</summary>
/// <param name="Wanted">The policy's own action (in shadow mode, the one it would take).</param>
/// <param name="Applied">What the gateway is told: shadow mode's allow, or an admin's manual action in force, over <paramref name="Wanted"/>.</param>
internal sealed record Decision(AccountVerdict? Verdict, ActionDecision Wanted, ActionDecision Applied, long VerdictVersion);

/// <summary>
/// The one way the gateway-facing endpoints (<c>/v1/decide</c>, the LiteLLM and Envoy adapters) decide: the current
/// verdict snapshot (never waiting on linking), the policy, shadow mode, then any manual action in force.
/// </summary>
internal sealed class Decider(IVerdictSource verdicts, IDecisionPolicy policy, ManualActions manual, TimeProvider clock)
{
    public IDecisionPolicy Policy => policy;

    public Decision For(string? account) => For(verdicts.Current, account);

    /// <summary>The decision against one given snapshot, so that a listing reads every account from the same one.</summary>
    public Decision For(VerdictSnapshot snapshot, string? account)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var verdict = account is null ? null : snapshot.Find(new AccountId(account));
        var now = clock.GetUtcNow();
        var wanted = policy.Decide(verdict, now);
        return new Decision(verdict, wanted, manual.Over(policy.Applied(wanted), account, verdict?.CampaignId, now), snapshot.Version);
    }
}
