using System.Text.Json.Nodes;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sharing;
using DistillGuard.Sharing.Keys;

namespace DistillGuard.Sharing.Stix;

/// <summary>
/// Turns flagged campaigns into a STIX 2.1 bundle that carries only keyed hashes, counts and times:
/// no address, payment fingerprint, domain, user agent, account id or prompt text leaves the provider.
/// </summary>
public static class StixExporter
{
    /// <summary>Template bands two campaigns must share to count as the same operator's (payments or IPs suffice alone).</summary>
    private const int SharedBandsForOperator = 8;

    /// <summary>A stable bundle: same input, same bytes; object ids depend only on producer, campaign and role.</summary>
    public static string Export(
        ProducerIdentity producer,
        IReadOnlyList<(CampaignSummary Summary, CampaignIndicators Indicators)> campaigns,
        SharingKey key,
        Tlp tlp)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(key);
        return Export(producer, campaigns.Select(c => (c.Summary, IndicatorHasher.Of(key, c.Indicators))).ToList(), key.KeyId, tlp);
    }

    /// <summary>
    /// The same bundle from material hashed earlier with the group key whose id is <paramref name="keyId"/>
    /// (as stored by an analysis run with a sharing key), so no raw value need be kept.
    /// </summary>
    public static string Export(
        ProducerIdentity producer,
        IReadOnlyList<(CampaignSummary Summary, KeyedIndicators Hashes)> campaigns,
        string keyId,
        Tlp tlp)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(keyId);

        var markingId = TlpMarkings.Id(tlp);
        var ordered = campaigns.OrderBy(c => c.Summary.CampaignId.Value, StringComparer.Ordinal).ToList();
        var hashed = ordered.Select(c => c.Hashes).ToList();
        var builders = ordered
            .Select((c, i) => new CampaignObjects(producer, c.Summary, hashed[i], keyId, markingId))
            .ToList();

        var objects = new List<JsonObject>
        {
            TlpMarkings.Definition(tlp),
            FingerprintExtension.Definition(producer.StixId, markingId),
            Identity(producer, ordered.Select(c => c.Summary).ToList(), markingId),
        };
        for (var i = 0; i < ordered.Count; i++)
        {
            objects.AddRange(builders[i].Build(InfrastructureShape.Of(hashed[i])));
        }

        foreach (var group in OperatorGroups(hashed))
        {
            objects.AddRange(IntrusionSet(producer, group.Select(i => (ordered[i].Summary, builders[i])).ToList(), markingId));
        }

        var bundleName = string.Join('\n', ordered.Select(c => c.Summary.CampaignId.Value)) + "\n" + TlpMarkings.Value(tlp);
        return StixJson.Bundle(producer.ObjectId("bundle", bundleName, "bundle"), objects);
    }

    private static JsonObject Identity(ProducerIdentity producer, List<CampaignSummary> summaries, string markingId)
    {
        var created = summaries.Count == 0 ? DateTimeOffset.UnixEpoch : summaries.Min(s => s.FirstSeen);
        var modified = summaries.Count == 0 ? created : summaries.Max(s => s.LastSeen > s.FirstSeen ? s.LastSeen : s.FirstSeen);
        return producer.ToStix(created, modified, markingId);
    }

    /// <summary>The intrusion set (the operator) behind campaigns that share indicators, with attributed-to relationships.</summary>
    private static IEnumerable<JsonObject> IntrusionSet(
        ProducerIdentity producer, List<(CampaignSummary Summary, CampaignObjects Objects)> members, string markingId)
    {
        // Anchored on the earliest campaign, so that a campaign joining later keeps the operator's id.
        var anchor = members.OrderBy(m => m.Summary.FirstSeen).ThenBy(m => m.Summary.CampaignId.Value, StringComparer.Ordinal).First();
        var id = producer.ObjectId("intrusion-set", "operator\n" + anchor.Summary.CampaignId.Value, "intrusion-set");
        var firstSeen = members.Min(m => m.Summary.FirstSeen);
        var lastSeen = members.Max(m => m.Summary.LastSeen > m.Summary.FirstSeen ? m.Summary.LastSeen : m.Summary.FirstSeen);
        yield return new JsonObject
        {
            ["type"] = "intrusion-set",
            ["spec_version"] = "2.1",
            ["id"] = id,
            ["created_by_ref"] = producer.StixId,
            ["created"] = StixJson.Timestamp(firstSeen),
            ["modified"] = StixJson.Timestamp(lastSeen),
            ["name"] = "Distillation operator " + id["intrusion-set--".Length..][..8],
            ["description"] = $"One operator behind {members.Count} campaigns that share payment, address or template fingerprints.",
            ["first_seen"] = StixJson.Timestamp(firstSeen),
            ["last_seen"] = StixJson.Timestamp(lastSeen),
            ["goals"] = StixJson.Strings(["Train a model on another provider's answers"]),
            ["primary_motivation"] = "organizational-gain",
            ["object_marking_refs"] = StixJson.Strings([markingId]),
        };
        foreach (var member in members)
        {
            yield return member.Objects.Relationship("attributed-to", member.Objects.CampaignStixId, id);
        }
    }

    /// <summary>Groups (of two or more) of campaigns linked by a shared payment or IP hash, or by several template bands.</summary>
    private static IEnumerable<IReadOnlyList<int>> OperatorGroups(List<KeyedIndicators> hashed)
    {
        var parent = Enumerable.Range(0, hashed.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var a = 0; a < hashed.Count; a++)
        {
            for (var b = a + 1; b < hashed.Count; b++)
            {
                if (SameOperator(hashed[a], hashed[b]))
                {
                    parent[Find(b)] = Find(a);
                }
            }
        }

        return Enumerable.Range(0, hashed.Count)
            .GroupBy(Find)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<int>)g.Order().ToList());
    }

    private static bool SameOperator(KeyedIndicators a, KeyedIndicators b) =>
        Overlap(a, b, IndicatorKind.Payment) > 0
        || Overlap(a, b, IndicatorKind.ClientIp) > 0
        || Overlap(a, b, IndicatorKind.Template) >= SharedBandsForOperator;

    private static int Overlap(KeyedIndicators a, KeyedIndicators b, IndicatorKind kind) =>
        a.Of(kind).Intersect(b.Of(kind), StringComparer.Ordinal).Count();
}
