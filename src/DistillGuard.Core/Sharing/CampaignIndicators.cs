using DistillGuard.Core.Model;

namespace DistillGuard.Core.Sharing;

/// <summary>
/// The raw indicator material of one flagged campaign, kept as evidence about the operator (never
/// about organic users) so that it can be shared as keyed hashes with a sharing group's key. It
/// never leaves the provider as is.
/// </summary>
/// <param name="TemplateSamples">Wrapper texts of the campaign's prompts (first and last words), for keyed locality-sensitive fingerprints.</param>
public sealed record CampaignIndicators(
    CampaignId CampaignId,
    IReadOnlyList<string> ClientIps,
    IReadOnlyList<string> Networks,
    IReadOnlyList<long> Asns,
    IReadOnlyList<string> PaymentFingerprints,
    IReadOnlyList<string> EmailDomains,
    IReadOnlyList<string> UserAgents,
    IReadOnlyList<string> TemplateSamples);

/// <summary>The same kinds of material for one local account, as a matcher compares it with a peer's fingerprints.</summary>
public sealed record AccountIndicators(
    AccountId AccountId,
    IReadOnlyList<string> ClientIps,
    IReadOnlyList<string> Networks,
    IReadOnlyList<long> Asns,
    IReadOnlyList<string> PaymentFingerprints,
    IReadOnlyList<string> EmailDomains,
    IReadOnlyList<string> UserAgents,
    IReadOnlyList<string> TemplateSamples);

/// <summary>One indicator of one account, already hashed with a sharing group's key (kind as its contract name).</summary>
public sealed record SharingFingerprint(AccountId AccountId, string Kind, string Value);
