using System.Text.Json.Nodes;
using DistillGuard.Sharing.Keys;
using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Matching;

/// <summary>
/// Builds the bundle of <c>sighting</c>s sent back to a peer: for each of the peer's indicators that matched
/// local accounts, how many accounts and over which window, under the peer's own marking. No account id is included.
/// </summary>
public static class SightingWriter
{
    /// <param name="firstSeen">Start of the local window the matched accounts were scanned over.</param>
    /// <param name="lastSeen">End of that window.</param>
    public static string Build(
        ProducerIdentity producer, IReadOnlyList<AccountMatch> matches, string peerBundle,
        DateTimeOffset firstSeen, DateTimeOffset lastSeen, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(matches);
        var peer = BundleIntake.Read(peerBundle, options ?? MatchOptions.Default);
        var markingId = TlpMarkings.Id(peer.Tlp);
        if (lastSeen < firstSeen)
        {
            (firstSeen, lastSeen) = (lastSeen, firstSeen);
        }

        var objects = new List<JsonObject> { TlpMarkings.Definition(peer.Tlp), producer.ToStix(firstSeen, lastSeen, markingId) };
        foreach (var campaign in peer.Campaigns)
        {
            var forCampaign = matches.Where(m => string.Equals(m.PeerCampaignId, campaign.CampaignId, StringComparison.Ordinal)).ToList();
            foreach (var indicator in campaign.Indicators)
            {
                var kind = indicator.Kind.ToContract();
                var accounts = forCampaign.Where(m => m.Indicators.Contains(kind, StringComparer.Ordinal))
                    .Select(m => m.AccountId).Distinct().Count();
                if (accounts > 0)
                {
                    objects.Add(Sighting(producer, indicator.IndicatorId, accounts, firstSeen, lastSeen, markingId));
                }
            }
        }

        var name = string.Join('\n', objects.Select(o => (string)o["id"]!).Order(StringComparer.Ordinal));
        return StixJson.Bundle(producer.ObjectId("bundle", name, "sightings"), objects);
    }

    private static JsonObject Sighting(
        ProducerIdentity producer, string indicatorId, int accounts, DateTimeOffset firstSeen, DateTimeOffset lastSeen, string markingId) => new()
    {
        ["type"] = "sighting",
        ["spec_version"] = "2.1",
        ["id"] = producer.ObjectId("sighting", indicatorId, "sighting"),
        ["created_by_ref"] = producer.StixId,
        ["created"] = StixJson.Timestamp(firstSeen),
        ["modified"] = StixJson.Timestamp(lastSeen),
        ["sighting_of_ref"] = indicatorId,
        ["count"] = Math.Min(accounts, 999_999_999),
        ["first_seen"] = StixJson.Timestamp(firstSeen),
        ["last_seen"] = StixJson.Timestamp(lastSeen),
        ["where_sighted_refs"] = StixJson.Strings([producer.StixId]),
        ["summary"] = false,
        ["object_marking_refs"] = StixJson.Strings([markingId]),
    };
}
