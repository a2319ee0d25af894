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
        options ??= MatchOptions.Default;
        var peer = BundleIntake.Read(bundleJson, options);

        var matches = new List<AccountMatch>();
        foreach (var account in local)
        {
            var hashes = IndicatorHasher.Of(key, account);
            var templates = account.TemplateSamples.Select(t => TemplateFingerprint.Compute(key, t)).Where(f => f.Bands.Count > 0).ToList();
            foreach (var campaign in peer.Campaigns)
            {
                var evidence = Evidence(campaign, hashes, templates, key.KeyId, options);
                var score = 1.0 - evidence.Aggregate(1.0, (rest, e) => rest * (1.0 - e.Weight));
                if (evidence.Count > 0 && score >= options.Threshold)
                {
                    matches.Add(new AccountMatch(account.AccountId, campaign.CampaignId, score,
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
        PeerCampaign campaign, KeyedIndicators local, List<TemplateFingerprint> templates, string keyId, MatchOptions options)
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

            var weight = kind == IndicatorKind.Template
                ? TemplateWeight(templates, peerHashes, options)
                : local.Of(kind).Any(peerHashes.Contains) ? Weight(kind, options) : 0.0;
            if (weight > 0)
            {
                evidence.Add((kind, weight));
            }
        }

        return evidence;
    }

    /// <summary>Bands matched by any of the account's samples, as a fraction of all bands, scaled to the template weight.</summary>
    private static double TemplateWeight(List<TemplateFingerprint> templates, HashSet<string> peerBands, MatchOptions options)
    {
        var matched = 0;
        for (var band = 0; band < TemplateFingerprint.BandCount; band++)
        {
            if (templates.Any(t => peerBands.Contains(t.Bands[band])))
            {
                matched++;
            }
        }

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
        _ => options.TemplateWeight,
    };
}
