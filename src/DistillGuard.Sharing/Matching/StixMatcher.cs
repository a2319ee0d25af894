using DistillGuard.Core.Model;
using DistillGuard.Core.Sharing;
using DistillGuard.Sharing.Fingerprints;
using DistillGuard.Sharing.Keys;

namespace DistillGuard.Sharing.Matching;

/// <summary>
/// Compares local accounts with a peer's campaigns: hashes each account's material with the group key
/// and scores the overlap with each campaign's keyed fingerprints (see <see cref="MatchOptions"/>).
/// </summary>
public static class StixMatcher
{
    /// <summary>Matches at or above the threshold, ordered by account then campaign. Throws <see cref="BundleRejectedException"/> for a refused bundle.</summary>
    public static IReadOnlyList<AccountMatch> Match(
        string bundleJson, SharingKey key, IReadOnlyList<AccountIndicators> local, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(local);
        return Match(bundleJson, key.KeyId, local.Select(a => (a.AccountId, IndicatorHasher.Of(key, a))).ToList(), options);
    }

    /// <summary>
    /// The same matching over accounts hashed earlier with the group key whose id is <paramref name="keyId"/>
    /// (as stored by an analysis run with a sharing key). Template bands count by how many of the
    /// campaign's band hashes the account shares.
    /// </summary>
    public static IReadOnlyList<AccountMatch> Match(
        string bundleJson, string keyId, IReadOnlyList<(AccountId AccountId, KeyedIndicators Hashes)> local, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(local);
        options ??= MatchOptions.Default;
        var peer = BundleIntake.Read(bundleJson, options);

        var matches = new List<AccountMatch>();
        foreach (var (accountId, hashes) in local)
        {
            var bands = hashes.Of(IndicatorKind.Template).ToHashSet(StringComparer.Ordinal);
            foreach (var campaign in peer.Campaigns)
            {
                var evidence = Evidence(campaign, hashes, bands, keyId, options);
                var score = 1.0 - evidence.Aggregate(1.0, (rest, e) => rest * (1.0 - e.Weight));
                if (evidence.Count > 0 && score >= options.Threshold)
                {
                    matches.Add(new AccountMatch(accountId, campaign.CampaignId, score,
                        evidence.Select(e => e.Kind.ToContract()).ToList()));
                }
            }
        }

        return matches
            .OrderBy(m => m.AccountId)
            .ThenBy(m => m.PeerCampaignId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The weight each matched kind contributes, one entry per kind, in kind order.</summary>
    private static List<(IndicatorKind Kind, double Weight)> Evidence(
        PeerCampaign campaign, KeyedIndicators local, HashSet<string> bands, string keyId, MatchOptions options)
    {
        var evidence = new List<(IndicatorKind Kind, double Weight)>();
        var usable = campaign.Indicators.Where(i => string.Equals(i.KeyId, keyId, StringComparison.Ordinal)).ToList();
        foreach (var kind in IndicatorKinds.All)
        {
            var peerHashes = usable.Where(i => i.Kind == kind).SelectMany(i => i.Hashes).ToHashSet(StringComparer.Ordinal);
            if (peerHashes.Count == 0)
            {
                continue;
            }

            var weight = kind switch
            {
                IndicatorKind.Template => TemplateWeight(bands, peerHashes, options),
                IndicatorKind.Phrase => options.PhraseWeight * Math.Min(1.0, local.Of(kind).Count(peerHashes.Contains) / (double)options.MinSharedPhrases),
                _ => local.Of(kind).Any(peerHashes.Contains) ? Weight(kind, options) : 0.0,
            };
            if (weight > 0)
            {
                evidence.Add((kind, weight));
            }
        }

        return evidence;
    }

    /// <summary>Band hashes the account shares with the campaign (each hash is keyed with its band index), as a fraction of all bands, scaled to the template weight.</summary>
    private static double TemplateWeight(HashSet<string> bands, HashSet<string> peerBands, MatchOptions options)
    {
        var matched = Math.Min(TemplateFingerprint.BandCount, peerBands.Count(bands.Contains));
        if (matched < options.MinTemplateBands)
        {
            return 0.0;
        }

        var fraction = (double)matched / TemplateFingerprint.BandCount;
        return options.TemplateWeight * Math.Min(1.0, fraction / options.TemplateFullFraction);
    }

    private static double Weight(IndicatorKind kind, MatchOptions options) => kind switch
    {
        IndicatorKind.Payment => options.PaymentWeight,
        IndicatorKind.ClientIp => options.ClientIpWeight,
        IndicatorKind.Network => options.NetworkWeight,
        IndicatorKind.Asn => options.AsnWeight,
        IndicatorKind.UserAgent => options.UserAgentWeight,
        IndicatorKind.EmailDomain => options.EmailDomainWeight,
        IndicatorKind.Frame => options.FrameWeight,
        _ => options.TemplateWeight,
    };
}
