using System.Globalization;
using System.Text.Json;
using DistillGuard.Core.Model;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Decisions;

/// <summary>One rule of a policy file: when every condition it names holds, the action and its lifetime apply.</summary>
/// <param name="Verdict">The verdict it applies to; null for any.</param>
/// <param name="MinRisk">The lowest risk score it applies to; null for any.</param>
/// <param name="InCampaign">Whether the account must (true) or must not (false) be in a campaign; null for either.</param>
public sealed record PolicyRule(Verdict? Verdict, double? MinRisk, bool? InCampaign, DecisionAction Action, TimeSpan? Expires)
{
    public bool Matches(AccountVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return (Verdict is null || verdict.Verdict == Verdict)
            && (MinRisk is null || verdict.RiskScore >= MinRisk)
            && (InCampaign is null || (verdict.CampaignId is not null) == InCampaign);
    }
}

/// <summary>
/// A policy read from a file: the first rule that matches an account's verdict gives its action; none matching, or no
/// verdict, gives <c>allow</c>. <c>mode: shadow</c> records the action and lets the request through.
/// </summary>
public sealed class RulePolicy(string version, bool shadow, IReadOnlyList<PolicyRule> rules) : IDecisionPolicy
{
    public string Version => version;

    public bool Shadow => shadow;

    public IReadOnlyList<PolicyRule> Rules => rules;

    public PolicyDecision Decide(AccountVerdict? verdict, DateTimeOffset now)
    {
        if (verdict is null)
        {
            return new PolicyDecision(DecisionAction.Allow, ["no verdict for this account yet: an account never seen gives no grounds to act"], null);
        }

        var reasons = verdict.Reasons.Select(r => r.Evidence).ToArray();
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Matches(verdict))
            {
                var rule = rules[i];
                var why = string.Create(CultureInfo.InvariantCulture, $"policy {version} rule {i}: {rule.Action.ToContract()}");
                return new PolicyDecision(rule.Action, [why, .. reasons], rule.Action == DecisionAction.Allow || rule.Expires is null ? null : now + rule.Expires);
            }
        }

        return new PolicyDecision(DecisionAction.Allow, reasons, null);
    }
}

/// <summary>
/// Reads a policy file: <c>{"version": "...", "mode": "enforce"|"shadow", "rules": [{"verdict", "min_risk", "in_campaign",
/// "action", "expires_seconds"}]}</c>. Every fault is an <see cref="InvalidDataException"/> naming the file and the field.
/// </summary>
public static class PolicyFile
{
    private static readonly DecisionAction[] Actions = Enum.GetValues<DecisionAction>();

    public static RulePolicy Load(string path)
    {
        var text = StrictJson.ReadText(path, "policy file");
        return Parse(text, path);
    }

    public static RulePolicy Parse(string json, string source)
    {
        var dto = StrictJson.Deserialize<PolicyDto>(json, (field, problem) => Fault(source, field, problem));

        if (string.IsNullOrWhiteSpace(dto.Version))
        {
            throw Fault(source, "version", "is required (it is recorded with every decision)");
        }

        var shadow = dto.Mode switch
        {
            null or "enforce" => false,
            "shadow" => true,
            _ => throw Fault(source, "mode", $"unknown mode '{dto.Mode}' (enforce or shadow)"),
        };
        var rules = (dto.Rules ?? []).Select((r, i) => Rule(r, i, source)).ToArray();
        return new RulePolicy(dto.Version, shadow, rules);
    }

    private static PolicyRule Rule(RuleDto? r, int index, string source)
    {
        var at = "rules[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        if (r is null)
        {
            throw Fault(source, at, "must be an object");
        }

        Verdict? verdict = r.Verdict switch
        {
            null => null,
            "benign" => Verdict.Benign,
            "suspicious" => Verdict.Suspicious,
            "distillation" => Verdict.Distillation,
            _ => throw Fault(source, at + ".verdict", $"unknown verdict '{r.Verdict}' (benign, suspicious or distillation)"),
        };
        if (r.MinRisk is < 0 or > 1)
        {
            throw Fault(source, at + ".min_risk", "must be between 0 and 1");
        }

        var action = Actions.Where(a => a.ToContract() == r.Action).Select(a => (DecisionAction?)a).FirstOrDefault()
            ?? throw Fault(source, at + ".action", $"unknown action '{r.Action}' ({string.Join(", ", Actions.Select(a => a.ToContract()))})");
        if (r.ExpiresSeconds is <= 0)
        {
            throw Fault(source, at + ".expires_seconds", "must be a positive number of seconds");
        }

        return new PolicyRule(verdict, r.MinRisk, r.InCampaign, action, r.ExpiresSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
    }

    private static InvalidDataException Fault(string source, string field, string problem) =>
        new($"policy file '{source}': field '{field}' {problem}");

    private sealed record PolicyDto(string? Version, string? Mode, IReadOnlyList<RuleDto?>? Rules);

    private sealed record RuleDto(string? Verdict, double? MinRisk, bool? InCampaign, string? Action, double? ExpiresSeconds);
}
