using DistillGuard.Sharing.Keys;
using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Matching;

/// <summary>One DistillGuard fingerprint indicator of a peer: its kind, the key it was made with and its hashes.</summary>
internal sealed record PeerIndicator(string IndicatorId, IndicatorKind Kind, string KeyId, IReadOnlySet<string> Hashes);

/// <summary>A peer's campaign and the fingerprint indicators that indicate it.</summary>
internal sealed record PeerCampaign(string CampaignId, IReadOnlyList<PeerIndicator> Indicators);

/// <summary>What intake keeps of an accepted peer bundle.</summary>
/// <param name="Tlp">The most restrictive marking in the bundle (TLP:AMBER when nothing is marked).</param>
internal sealed record PeerBundle(Tlp Tlp, IReadOnlyList<PeerCampaign> Campaigns);
