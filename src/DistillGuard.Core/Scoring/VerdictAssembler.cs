using System.Globalization;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Scoring;

/// <summary>A linked cluster accepted as a distillation campaign.</summary>
/// <param name="Probability">Campaign confidence: the combined traffic's harvest log-odds plus the size of the coordinated group.</param>
public sealed record CampaignAssignment(CampaignId CampaignId, LinkedCluster Cluster, HarvestAssessment Combined, double Probability);

/// <summary>A linked cluster and the harvest assessment of its accounts' combined traffic.</summary>
public sealed record ClusterAssessment(LinkedCluster Cluster, HarvestAssessment Combined);

/// <summary>The final verdicts and the campaigns behind them.</summary>
public sealed record VerdictSet(IReadOnlyList<AccountVerdict> Accounts, IReadOnlyList<CampaignAssignment> Campaigns);

/// <summary>
/// Turns harvest-likeness and campaign links into verdicts. A distillation verdict needs both a
/// harvest-like account and a campaign of harvest-like accounts around it: no single weak signal,
/// and no grouping on its own (colleagues sharing a card), is enough. Pure.
/// </summary>
public static class VerdictAssembler
{
    /// <summary>Campaign confidence of a cluster: its combined traffic's harvest log-odds plus the size of its coordinated group.</summary>
    public static double Confidence(ClusterAssessment cluster, ScoringParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(parameters);
        return HarvestScorer.Sigmoid(cluster.Combined.LogOdds + (parameters.CampaignSize * Math.Log2(cluster.Cluster.LargestLinkedGroup)));
    }

    /// <param name="profiles">The accounts' comparable behavioural profiles (<see cref="BehaviourProfile.Comparable"/>) when the caller has them already; computed from <paramref name="features"/> otherwise.</param>
    public static VerdictSet Assemble(
        IReadOnlyList<AccountFeatures> features,
        IReadOnlyList<HarvestAssessment> assessments,
        IReadOnlyList<ClusterAssessment> clusters,
        ScoringParameters parameters,
        IReadOnlyDictionary<AccountId, double[]>? profiles = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(parameters);
        var byAccount = assessments.ToDictionary(a => a.AccountId);
        var membership = new Dictionary<AccountId, (CampaignAssignment Campaign, double Association)>();
        var campaigns = new List<CampaignAssignment>();
        foreach (var judged in clusters)
        {
            var (cluster, combined) = judged;
            // The campaign is judged on its accounts' traffic put back together, and on how many
            // accounts were coordinated to send it: a cluster of colleagues does not look like a
            // harvest even when combined, and a harvest spread over many linked accounts is more
            // certainly one operator's.
            var confidence = Confidence(judged, parameters);
            if (confidence < parameters.CampaignThreshold)
            {
                continue;
            }

            var first = cluster.Accounts.Min();
            var id = new CampaignId("camp-" + StableHash.Of(first.Value).ToString("x16", CultureInfo.InvariantCulture)[..10]);
            var assignment = new CampaignAssignment(id, cluster, combined, confidence);
            campaigns.Add(assignment);
            foreach (var account in cluster.Accounts)
            {
                membership[account] = (assignment, cluster.Association[account]);
            }
        }

        PullInBehaviouralTwins(features, profiles ?? BehaviourProfile.Comparable(features), byAccount, campaigns, membership, parameters);
        var verdicts = features.Select(f => Decide(f, byAccount[f.AccountId], membership, parameters)).ToList();
        return new VerdictSet(verdicts, campaigns);
    }

    /// <summary>
    /// An account that shares no identity attribute with a campaign but is driven the same way
    /// (its behavioural profile lies within the campaign members' spread on every dimension) is
    /// pulled in with a reduced association. Only harvest-like accounts with enough traffic, and
    /// only campaigns with enough profiled members, take part.
    /// </summary>
    private static void PullInBehaviouralTwins(
        IReadOnlyList<AccountFeatures> features,
        IReadOnlyDictionary<AccountId, double[]> profiles,
        Dictionary<AccountId, HarvestAssessment> byAccount,
        List<CampaignAssignment> campaigns,
        Dictionary<AccountId, (CampaignAssignment Campaign, double Association)> membership,
        ScoringParameters parameters)
    {
        var campaignProfiles = campaigns
            .Select(c => (Campaign: c, Members: c.Cluster.Accounts.Where(profiles.ContainsKey).Select(a => profiles[a]).ToArray()))
            .Where(c => c.Members.Length >= parameters.TwinMinMembers)
            .Select(c => (c.Campaign, Spread: BehaviourProfile.Spread(c.Members)))
            .ToArray();
        foreach (var f in features)
        {
            if (membership.ContainsKey(f.AccountId) || !profiles.TryGetValue(f.AccountId, out var profile)
                || byAccount[f.AccountId].Probability < parameters.CandidateThreshold)
            {
                continue;
            }

            var nearest = campaignProfiles
                .Select(c => (c.Campaign, Distance: c.Spread.Distance(profile, 0.03)))
                .Where(c => c.Distance <= parameters.TwinTolerance)
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Campaign.CampaignId.Value, StringComparer.Ordinal)
                .FirstOrDefault();
            if (nearest.Campaign is not null)
            {
                membership[f.AccountId] = (nearest.Campaign, parameters.TwinAssociation);
            }
        }
    }

    private static AccountVerdict Decide(
        AccountFeatures features,
        HarvestAssessment assessment,
        Dictionary<AccountId, (CampaignAssignment Campaign, double Association)> membership,
        ScoringParameters parameters)
    {
        var reasons = assessment.Reasons.ToList();
        var logOdds = assessment.LogOdds;
        CampaignId? campaignId = null;
        if (membership.TryGetValue(features.AccountId, out var member))
        {
            var size = member.Campaign.Cluster.Accounts.Count;
            var value = member.Association * member.Campaign.Probability;
            var contribution = parameters.Coordination * value;
            logOdds += contribution;
            var pulled = assessment.Probability < parameters.SuspiciousThreshold ? " (pulled in on association: its own traffic is low-signal)" : string.Empty;
            var twin = !member.Campaign.Cluster.Association.ContainsKey(features.AccountId);
            var binding = twin
                ? "no shared identity, but its request pattern matches the campaign's accounts on every behavioural dimension"
                : member.Campaign.Cluster.Evidence.Count > 0 ? member.Campaign.Cluster.Evidence[0] : "shared attributes";
            var mixed = MixedTraffic.Is(features) ? " — " + MixedTraffic.Describe(features) : string.Empty;
            reasons.Add(new Reason(SignalNames.Coordination, value, contribution,
                $"linked into campaign {member.Campaign.CampaignId} of {size} accounts (campaign confidence {member.Campaign.Probability:0.00}): {binding}{pulled}{mixed}"));
            campaignId = member.Campaign.CampaignId;
        }

        reasons.Sort(static (a, b) => Math.Abs(b.Contribution).CompareTo(Math.Abs(a.Contribution)));
        var risk = HarvestScorer.Sigmoid(logOdds);
        var verdict = campaignId is not null && risk >= parameters.DistillationThreshold
            ? Verdict.Distillation
            : risk >= parameters.SuspiciousThreshold ? Verdict.Suspicious : Verdict.Benign;
        return new AccountVerdict(features.AccountId, risk, verdict, verdict == Verdict.Distillation ? campaignId : null, features.Exchanges, reasons);
    }
}
