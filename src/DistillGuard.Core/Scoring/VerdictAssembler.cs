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

/// <summary>How an account without a shared identity attribute came into a campaign.</summary>
public enum PullIn
{
    /// <summary>Its request pattern matches the campaign's accounts on every behavioural dimension.</summary>
    BehaviouralTwin,

    /// <summary>It keeps repeating the campaign's rare wording.</summary>
    SharedWording,
}

/// <summary>The final verdicts and the campaigns behind them.</summary>
public sealed record VerdictSet(IReadOnlyList<AccountVerdict> Accounts, IReadOnlyList<CampaignAssignment> Campaigns)
{
    /// <summary>Accounts joined to a campaign without a shared identity attribute, and how.</summary>
    public IReadOnlyDictionary<AccountId, PullIn> PulledIn { get; init; } = new Dictionary<AccountId, PullIn>();
}

/// <summary>
/// Turns harvest-likeness and campaign links into verdicts. A distillation verdict needs both a
/// harvest-like account and a campaign of harvest-like accounts around it: no single weak signal,
/// and no grouping on its own (colleagues sharing a card), is enough. Pure.
/// </summary>
public static class VerdictAssembler
{
    /// <summary>An account's place in a campaign: how strongly it is tied, and, when it shares no identity attribute, how it came in and why.</summary>
    private readonly record struct Membership(CampaignAssignment Campaign, double Association, PullIn? PulledIn, string? Binding);

    /// <summary>Campaign confidence of a cluster: its combined traffic's harvest log-odds plus the size of its coordinated group (<see cref="LinkedCluster.LinkedSize"/>).</summary>
    public static double Confidence(ClusterAssessment cluster, ScoringParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(parameters);
        return ConfidenceAt(cluster.Combined, cluster.Cluster.LinkedSize, parameters);
    }

    /// <summary>Campaign confidence of combined traffic sent through a coordinated group of the given size.</summary>
    private static double ConfidenceAt(HarvestAssessment combined, double size, ScoringParameters parameters) =>
        HarvestScorer.Sigmoid(combined.LogOdds + (parameters.CampaignSize * Math.Log2(size)));

    /// <param name="profiles">The accounts' comparable behavioural profiles (<see cref="BehaviourProfile.Comparable"/>) when the caller has them already; computed from <paramref name="features"/> otherwise.</param>
    /// <param name="phrases">Each account's recurring phrases (<see cref="Sketches.RecurringPhrases.Recurring"/>), to pull unlinked accounts into the campaign whose wrapper they repeat; null to leave that out.</param>
    public static VerdictSet Assemble(
        IReadOnlyList<AccountFeatures> features,
        IReadOnlyList<HarvestAssessment> assessments,
        IReadOnlyList<ClusterAssessment> clusters,
        ScoringParameters parameters,
        PhrasePullInOptions phraseOptions,
        WordingMergeOptions wordingOptions,
        IReadOnlyDictionary<AccountId, double[]>? profiles = null,
        IReadOnlyDictionary<AccountId, uint[]>? phrases = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(phraseOptions);
        ArgumentNullException.ThrowIfNull(wordingOptions);
        var byAccount = assessments.ToDictionary(a => a.AccountId);
        var membership = new Dictionary<AccountId, Membership>();
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
                membership[account] = new Membership(assignment, cluster.Association[account], null, null);
            }
        }

        var named = campaigns.Select(c => new PhraseCampaign(c.CampaignId.Value, c.Cluster.Accounts)).ToArray();
        var wording = phrases is null ? null : PhraseSets.Build(Holders(features, byAccount, phrases, parameters), named, phraseOptions);
        var words = wording is null ? null : CampaignWording.Of(wording, named.Select(c => c.Members), wordingOptions);
        if (wording is not null)
        {
            foreach (var match in PhrasePullIn.Match(wording, named, membership.Keys.ToHashSet(), phraseOptions, words))
            {
                membership[match.AccountId] = new Membership(
                    campaigns[match.Campaign], WordingAssociation(match, parameters, phraseOptions), PullIn.SharedWording, match.Reason);
            }
        }

        PullInBehaviouralTwins(features, profiles ?? BehaviourProfile.Comparable(features), byAccount, campaigns, membership, parameters, phraseOptions, wording, words);

        Regrade(campaigns, membership, parameters);
        var verdicts = features.Select(f => Decide(f, byAccount[f.AccountId], membership, parameters)).ToList();
        return new VerdictSet(verdicts, campaigns)
        {
            PulledIn = membership.Where(m => m.Value.PulledIn is not null).ToDictionary(m => m.Key, m => m.Value.PulledIn!.Value),
        };
    }

    /// <summary>
    /// The size of the coordinated group, for the confidence of a cluster that is already a campaign: its largest
    /// identity-linked part (counted by how exclusively its values are its own, <see cref="LinkedCluster.LinkedSize"/>),
    /// and every account tied to it by behaviour or wording alone (fragments joined by behavioural merging, pulled-in
    /// twins and repeaters) at its association. One script driving ten accounts is more certainly a campaign than the
    /// three of them that happen to share a card. Applied only once a cluster has passed the campaign threshold on its
    /// linked part, so accounts tied this way never make a campaign.
    /// </summary>
    public static double CoordinatedSize(LinkedCluster cluster, IEnumerable<double> pulledIn, ScoringParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(pulledIn);
        ArgumentNullException.ThrowIfNull(parameters);
        var merged = cluster.Accounts.Count - cluster.LargestLinkedGroup;
        return cluster.LinkedSize + (merged * parameters.TwinAssociation) + pulledIn.Sum();
    }

    /// <summary>Raises each campaign's confidence to what its whole coordinated group says (<see cref="CoordinatedSize"/>) and points its members at the regraded campaign.</summary>
    private static void Regrade(List<CampaignAssignment> campaigns, Dictionary<AccountId, Membership> membership, ScoringParameters parameters)
    {
        var pulled = membership.Values
            .Where(m => m.PulledIn is not null)
            .ToLookup(m => m.Campaign.CampaignId, m => m.Association);
        var regraded = new Dictionary<CampaignId, CampaignAssignment>();
        for (var i = 0; i < campaigns.Count; i++)
        {
            var c = campaigns[i];
            var probability = ConfidenceAt(c.Combined, CoordinatedSize(c.Cluster, pulled[c.CampaignId], parameters), parameters);
            campaigns[i] = c with { Probability = Math.Max(c.Probability, probability) };
            regraded[c.CampaignId] = campaigns[i];
        }

        foreach (var (account, member) in membership.ToArray())
        {
            membership[account] = member with { Campaign = regraded[member.Campaign.CampaignId] };
        }
    }

    /// <summary>Every harvest-like account's rare recurring phrases, with no campaign yet (for joining clusters on their wording, <see cref="WordingMerge"/>).</summary>
    public static PhraseSets Wording(
        IReadOnlyList<AccountFeatures> features,
        IReadOnlyList<HarvestAssessment> assessments,
        IReadOnlyDictionary<AccountId, uint[]> phrases,
        ScoringParameters parameters,
        PhrasePullInOptions phraseOptions)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(parameters);
        return PhraseSets.Build(Holders(features, assessments.ToDictionary(a => a.AccountId), phrases, parameters), [], phraseOptions);
    }

    /// <summary>
    /// How strongly a wording match ties an account to its campaign. A match on the least evidence phrase pull-in
    /// accepts (<see cref="PhrasePullInOptions.MinShared"/> of the campaign's phrases, beside none of its own) ties it as
    /// a behavioural twin is tied (<see cref="ScoringParameters.TwinAssociation"/>). Every further
    /// <see cref="PhrasePullInOptions.MinShared"/> phrases of the campaign's, net of the account's own rare phrases that
    /// are not the campaign's, leave the same share of the doubt that is left: an account that repeats nothing but
    /// the campaign's wrapper, a dozen phrases of it, is as surely the operator's as one that shares its card.
    /// Never below the twin's association.
    /// </summary>
    public static double WordingAssociation(PhraseMatch match, ScoringParameters parameters, PhrasePullInOptions phraseOptions)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(phraseOptions);
        var net = match.Shared - (match.Own - match.Shared);
        var doubt = Math.Pow(1 - parameters.TwinAssociation, (double)net / phraseOptions.MinShared);
        return Math.Clamp(1 - doubt, parameters.TwinAssociation, 1);
    }

    /// <summary>The accounts with recurring phrases, as phrase pull-in sees them.</summary>
    private static PhraseHolder[] Holders(
        IReadOnlyList<AccountFeatures> features,
        Dictionary<AccountId, HarvestAssessment> byAccount,
        IReadOnlyDictionary<AccountId, uint[]> phrases,
        ScoringParameters parameters) =>
        features
            .Select(f => (Features: f, Phrases: phrases.GetValueOrDefault(f.AccountId)))
            .Where(x => x.Phrases is { Length: > 0 })
            .Select(x => new PhraseHolder(x.Features.AccountId, x.Phrases!, byAccount[x.Features.AccountId].Probability >= parameters.CandidateThreshold, MixedTraffic.Is(x.Features)))
            .ToArray();

    /// <summary>
    /// An account that shares no identity attribute with a campaign but is driven the same way
    /// (its behavioural profile lies within the campaign members' spread on every dimension) is
    /// pulled in with a reduced association. Only harvest-like accounts with enough traffic, and
    /// only campaigns with enough profiled members, take part. When the account matches several campaigns'
    /// behaviour and its rare recurring phrases are more of one of them's than of any other
    /// (<see cref="PhraseSets"/>), it goes to that one: operators of one style run alike, but word their wrappers apart.
    /// Otherwise it goes to the nearest.
    /// </summary>
    private static void PullInBehaviouralTwins(
        IReadOnlyList<AccountFeatures> features,
        IReadOnlyDictionary<AccountId, double[]> profiles,
        Dictionary<AccountId, HarvestAssessment> byAccount,
        List<CampaignAssignment> campaigns,
        Dictionary<AccountId, Membership> membership,
        ScoringParameters parameters,
        PhrasePullInOptions phraseOptions,
        PhraseSets? wording,
        CampaignWording? words)
    {
        // A campaign joined from separately linked parts is read part by part as well: parts driven a little apart
        // (two cards' accounts of one operator) each have their own spread, which their whole's would blur.
        var campaignProfiles = campaigns
            .Select((c, i) => (Campaign: c, Index: i, Spreads: new[] { c.Cluster.Accounts }.Concat(c.Cluster.Parts ?? [])
                .Select(members => members.Where(profiles.ContainsKey).Select(a => profiles[a]).ToArray())
                .Where(members => members.Length >= parameters.TwinMinMembers)
                .Select(BehaviourProfile.Spread)
                .ToArray()))
            .Where(c => c.Spreads.Length > 0)
            .ToArray();
        foreach (var f in features)
        {
            if (membership.ContainsKey(f.AccountId) || !profiles.TryGetValue(f.AccountId, out var profile)
                || byAccount[f.AccountId].Probability < parameters.CandidateThreshold)
            {
                continue;
            }

            // An account whose own wording is like one campaign's is that operator's: it may be a twin of that campaign only.
            // So is one that repeats a good few of one campaign's phrases, more than of any other, though its wording as a
            // whole falls short of alike: operators of one style run alike, and behaviour alone would hand it to the nearest.
            var named = words is null ? null : WordingNamed(words.Words, words.Words.OfAccount(f.AccountId), words.Campaigns);
            named ??= wording is null ? null : PhrasesNamed(wording, f.AccountId, phraseOptions.MinShared);
            var within = campaignProfiles
                .Select(c => (c.Campaign, c.Index, Distance: c.Spreads.Min(spread => spread.PredictionDistance(profile, parameters.TwinSpreadFloor))))
                .Where(c => c.Distance <= parameters.TwinTolerance && (named is null || named.Contains(c.Index)))
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Campaign.CampaignId.Value, StringComparer.Ordinal)
                .ToArray();
            var chosen = within.FirstOrDefault().Campaign;
            if (wording is not null && within.Length > 1 && wording.Leading(f.AccountId, within.Select(c => c.Index)) is { } lead)
            {
                chosen = campaigns[lead.Campaign];
            }

            if (chosen is not null)
            {
                membership[f.AccountId] = new Membership(chosen, parameters.TwinAssociation, PullIn.BehaviouralTwin,
                    "no shared identity, but its request pattern matches the campaign's accounts on every behavioural dimension");
            }
        }
    }

    /// <summary>The campaigns whose wording an account's own is like (<see cref="Linking.Wording.Similar"/>); null when it is like none, or has no wording that weighs.</summary>
    private static HashSet<int>? WordingNamed(Linking.Wording words, WordingVector account, IReadOnlyList<WordingVector> campaigns)
    {
        if (!account.Speaks)
        {
            return null;
        }

        var named = Enumerable.Range(0, campaigns.Count).Where(i => words.Similar(account, campaigns[i])).ToHashSet();
        return named.Count > 0 ? named : null;
    }

    /// <summary>The one campaign an account repeats at least <see cref="PhrasePullInOptions.MinShared"/> phrases of, more than of any other; null when there is none.</summary>
    private static HashSet<int>? PhrasesNamed(PhraseSets wording, AccountId account, int minShared) =>
        wording.Leading(account, Enumerable.Range(0, wording.Campaigns.Count)) is { } lead && lead.Shared >= minShared
            ? [lead.Campaign]
            : null;

    private static AccountVerdict Decide(
        AccountFeatures features,
        HarvestAssessment assessment,
        Dictionary<AccountId, Membership> membership,
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
            var binding = member.Binding is { } pulledOn
                ? string.Create(CultureInfo.InvariantCulture, $"{pulledOn} (tied at association {member.Association:0.00})")
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
