using System.Globalization;
using System.Text.Json.Nodes;
using DistillGuard.Core.Model;
using DistillGuard.Sharing.Keys;

namespace DistillGuard.Sharing.Stix;

/// <summary>The STIX objects that describe one exported campaign: campaign, infrastructure, indicators, sighting, relationships.</summary>
internal sealed class CampaignObjects(ProducerIdentity producer, CampaignSummary summary, KeyedIndicators hashes, string keyId, string markingId)
{
    private string Subject => "campaign\n" + summary.CampaignId.Value;

    public string CampaignStixId => producer.ObjectId("campaign", Subject, "campaign");

    public IEnumerable<JsonObject> Build(InfrastructureShape shape)
    {
        var campaign = Common("campaign", CampaignStixId);
        campaign["name"] = "Distillation campaign " + ShortName;
        campaign["description"] = string.Create(CultureInfo.InvariantCulture,
            $"Coordinated harvesting of model answers through {summary.Accounts.Count} accounts and {summary.Exchanges} exchanges.");
        campaign["first_seen"] = StixJson.Timestamp(summary.FirstSeen);
        campaign["last_seen"] = StixJson.Timestamp(summary.LastSeen);
        campaign["objective"] = Objective(summary.CapabilityMix);
        yield return campaign;

        var infrastructureId = producer.ObjectId("infrastructure", Subject, "infrastructure");
        var infrastructure = Common("infrastructure", infrastructureId);
        infrastructure["name"] = "Access network of campaign " + ShortName;
        infrastructure["description"] = shape.Description;
        infrastructure["infrastructure_types"] = StixJson.Strings([shape.Type]);
        infrastructure["first_seen"] = StixJson.Timestamp(summary.FirstSeen);
        infrastructure["last_seen"] = StixJson.Timestamp(summary.LastSeen);
        yield return infrastructure;
        yield return Relationship("uses", CampaignStixId, infrastructureId);

        foreach (var kind in IndicatorKinds.All)
        {
            var values = hashes.Of(kind);
            if (values.Count == 0)
            {
                continue;
            }

            var indicatorId = producer.ObjectId("indicator", Subject, "indicator:" + kind.ToContract());
            yield return Indicator(indicatorId, kind, values);
            yield return Relationship("indicates", indicatorId, CampaignStixId);
        }

        var sighting = Common("sighting", producer.ObjectId("sighting", Subject, "sighting"));
        sighting["sighting_of_ref"] = CampaignStixId;
        sighting["where_sighted_refs"] = StixJson.Strings([producer.StixId]);
        sighting["first_seen"] = StixJson.Timestamp(summary.FirstSeen);
        sighting["last_seen"] = StixJson.Timestamp(summary.LastSeen);
        sighting["count"] = Math.Min(summary.Exchanges, 999_999_999L);
        sighting["extensions"] = Extension(new JsonObject
        {
            ["exchange_count"] = summary.Exchanges,
            ["account_count"] = summary.Accounts.Count,
        });
        yield return sighting;
    }

    public JsonObject Relationship(string type, string source, string target)
    {
        var relationship = Common("relationship", producer.ObjectId("relationship", Subject, $"{type}\n{source}\n{target}"));
        relationship["relationship_type"] = type;
        relationship["source_ref"] = source;
        relationship["target_ref"] = target;
        return relationship;
    }

    private string ShortName => CampaignStixId["campaign--".Length..][..8];

    private JsonObject Indicator(string id, IndicatorKind kind, IReadOnlyList<string> values)
    {
        var indicator = Common("indicator", id);
        var what = kind == IndicatorKind.Template ? "template band hashes" : "keyed hashes";
        indicator["name"] = $"{kind.ToContract()} fingerprints of campaign {ShortName}";
        indicator["indicator_types"] = StixJson.Strings(["malicious-activity"]);
        indicator["pattern_type"] = FingerprintExtension.PatternType;
        indicator["pattern"] = string.Create(CultureInfo.InvariantCulture,
            $"[distillguard:{kind.ToContract()} IN {FingerprintExtension.Id}.hashes] ({values.Count} {what}, {FingerprintExtension.HashAlgorithm}, key {keyId})");
        indicator["valid_from"] = StixJson.Timestamp(summary.FirstSeen);
        var payload = new JsonObject
        {
            ["fingerprint_kind"] = kind.ToContract(),
            ["hash_algorithm"] = FingerprintExtension.HashAlgorithm,
            ["key_id"] = keyId,
            ["hashes"] = StixJson.Strings(values),
        };
        if (kind == IndicatorKind.Template)
        {
            payload["minhash_size"] = Fingerprints.TemplateFingerprint.SignatureSize;
            payload["band_count"] = Fingerprints.TemplateFingerprint.BandCount;
            payload["rows_per_band"] = Fingerprints.TemplateFingerprint.RowsPerBand;
        }

        indicator["extensions"] = Extension(payload);
        return indicator;
    }

    internal static JsonObject Extension(JsonObject payload)
    {
        payload["extension_type"] = "property-extension";
        return new JsonObject { [FingerprintExtension.Id] = payload };
    }

    private JsonObject Common(string type, string id) => new()
    {
        ["type"] = type,
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created_by_ref"] = producer.StixId,
        ["created"] = StixJson.Timestamp(summary.FirstSeen),
        ["modified"] = StixJson.Timestamp(Max(summary.FirstSeen, summary.LastSeen)),
        ["object_marking_refs"] = StixJson.Strings([markingId]),
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    /// <summary>The targeted capabilities with their share of the campaign's prompts, largest first.</summary>
    internal static string Objective(IReadOnlyDictionary<Capability, double> mix)
    {
        var targeted = mix
            .Where(p => Capabilities.IsHarvestTarget(p.Key) && p.Value >= 0.05)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key.ToContract()} ({p.Value:P0})"))
            .ToList();
        return targeted.Count == 0
            ? "Harvest model answers to train another model (no single targeted capability)."
            : "Harvest model answers to train another model, targeting " + string.Join(", ", targeted) + ".";
    }
}
