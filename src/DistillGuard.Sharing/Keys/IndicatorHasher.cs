using System.Globalization;
using System.Net;
using DistillGuard.Core.Sharing;
using DistillGuard.Sharing.Fingerprints;

namespace DistillGuard.Sharing.Keys;

/// <summary>Keyed hashes of one set of indicator material, per kind; the only form in which material leaves the provider.</summary>
public sealed record KeyedIndicators(IReadOnlyDictionary<IndicatorKind, IReadOnlyList<string>> Hashes)
{
    public IReadOnlyList<string> Of(IndicatorKind kind) => Hashes.TryGetValue(kind, out var list) ? list : [];
}

/// <summary>Normalises indicator values and hashes them with domain separation per kind.</summary>
public static class IndicatorHasher
{
    /// <summary>The keyed hash of one value of one kind (values are normalised first).</summary>
    public static string Hash(SharingKey key, IndicatorKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Hash128(kind.HashDomain() + Normalise(kind, value));
    }

    public static KeyedIndicators Of(SharingKey key, CampaignIndicators material)
    {
        ArgumentNullException.ThrowIfNull(material);
        return Of(key, material.ClientIps, material.Networks, material.Asns, material.PaymentFingerprints,
            material.EmailDomains, material.UserAgents, material.TemplateSamples);
    }

    public static KeyedIndicators Of(SharingKey key, AccountIndicators material)
    {
        ArgumentNullException.ThrowIfNull(material);
        return Of(key, material.ClientIps, material.Networks, material.Asns, material.PaymentFingerprints,
            material.EmailDomains, material.UserAgents, material.TemplateSamples);
    }

    private static KeyedIndicators Of(
        SharingKey key, IReadOnlyList<string> ips, IReadOnlyList<string> networks, IReadOnlyList<long> asns,
        IReadOnlyList<string> payments, IReadOnlyList<string> emailDomains, IReadOnlyList<string> userAgents,
        IReadOnlyList<string> templates)
    {
        var hashes = new Dictionary<IndicatorKind, IReadOnlyList<string>>
        {
            [IndicatorKind.Payment] = HashAll(key, IndicatorKind.Payment, payments),
            [IndicatorKind.ClientIp] = HashAll(key, IndicatorKind.ClientIp, ips),
            [IndicatorKind.Network] = HashAll(key, IndicatorKind.Network, networks),
            [IndicatorKind.Asn] = HashAll(key, IndicatorKind.Asn, asns.Select(a => a.ToString(CultureInfo.InvariantCulture)).ToList()),
            [IndicatorKind.UserAgent] = HashAll(key, IndicatorKind.UserAgent, userAgents),
            [IndicatorKind.EmailDomain] = HashAll(key, IndicatorKind.EmailDomain, emailDomains),
            [IndicatorKind.Template] = templates
                .SelectMany(t => TemplateFingerprint.Compute(key, t).Bands)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
        return new KeyedIndicators(hashes);
    }

    private static List<string> HashAll(SharingKey key, IndicatorKind kind, IReadOnlyList<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => Hash(key, kind, v))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Spelling differences between providers must not hide a match: canonical IPs, lower-case domains.</summary>
    internal static string Normalise(IndicatorKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        switch (kind)
        {
            case IndicatorKind.ClientIp:
                if (IPAddress.TryParse(trimmed, out var ip))
                {
                    return (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
                }

                return trimmed.ToLowerInvariant();
            case IndicatorKind.Network:
            case IndicatorKind.EmailDomain:
                return trimmed.TrimStart('@').TrimEnd('.').ToLowerInvariant();
            default:
                return trimmed;
        }
    }
}
