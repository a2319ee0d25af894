using DistillGuard.Core.Model;

namespace DistillGuard.Sharing.Matching;

/// <summary>A local account whose keyed material matches a peer's campaign.</summary>
/// <param name="PeerCampaignId">The peer's STIX <c>campaign--</c> id.</param>
/// <param name="Score">Noisy-OR of the matched evidence weights, in [0, 1].</param>
/// <param name="Indicators">The indicator kinds that matched (contract names, e.g. <c>payment</c>, <c>template</c>).</param>
public sealed record AccountMatch(AccountId AccountId, string PeerCampaignId, double Score, IReadOnlyList<string> Indicators);
