using System.Text.Json.Nodes;

namespace DistillGuard.Sharing.Stix;

/// <summary>
/// The DistillGuard property extension that carries keyed hashes and template band hashes on indicators
/// (and exchange/account counts on sightings). Its schema is docs/stix/distillguard-fingerprints.schema.json.
/// </summary>
public static class FingerprintExtension
{
    /// <summary>The same for every producer, so that peers recognise the extension.</summary>
    public static readonly string Id = Uuid5.StixId("extension-definition", "distillguard-fingerprints\n1.0");

    public const string Version = "1.0";

    /// <summary>The <c>pattern_type</c> of DistillGuard indicators (an open vocabulary value).</summary>
    public const string PatternType = "distillguard-keyed-fingerprint";

    /// <summary>Name of the hash scheme: HMAC-SHA256 truncated to 128 bits, lower-case hex.</summary>
    public const string HashAlgorithm = "hmac-sha256-128";

    private const string Published = "2026-01-01T00:00:00.000Z";

    /// <summary>The extension-definition object, created by the producer that ships it.</summary>
    internal static JsonObject Definition(string producerId, string markingId) => new()
    {
        ["type"] = "extension-definition",
        ["spec_version"] = "2.1",
        ["id"] = Id,
        ["created_by_ref"] = producerId,
        ["created"] = Published,
        ["modified"] = Published,
        ["name"] = "DistillGuard keyed fingerprints",
        ["description"] =
            "Keyed hashes (HMAC-SHA256/128 under a sharing group's key, one domain per kind) of distillation-campaign " +
            "indicators, and keyed MinHash/LSH band hashes of the campaign's prompt wrappers. Only holders of the " +
            "group's key can compare them with their own traffic.",
        ["schema"] = "docs/stix/distillguard-fingerprints.schema.json in the DistillGuard repository (JSON Schema draft 2020-12)",
        ["version"] = Version,
        ["extension_types"] = StixJson.Strings(["property-extension"]),
        ["object_marking_refs"] = StixJson.Strings([markingId]),
    };
}
