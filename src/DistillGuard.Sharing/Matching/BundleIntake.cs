using DistillGuard.Core.Sharing;
using System.Text;
using System.Text.Json;
using DistillGuard.Sharing.Keys;
using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Matching;

/// <summary>
/// Strict reading of a peer bundle: everything is checked before anything is used, and a bundle that
/// fails any check is refused whole with <see cref="BundleRejectedException"/>.
/// </summary>
internal static class BundleIntake
{
    private static readonly JsonDocumentOptions Parse = new() { MaxDepth = 64 };

    public static PeerBundle Read(string bundleJson, MatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(bundleJson);
        var bytes = Encoding.UTF8.GetByteCount(bundleJson);
        if (bytes > options.MaxBundleBytes)
        {
            throw new BundleRejectedException($"bundle is {bytes} bytes, over the limit of {options.MaxBundleBytes}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bundleJson, Parse);
        }
        catch (JsonException e)
        {
            throw new BundleRejectedException($"bundle is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var objects = Objects(document.RootElement);
            var tlp = CheckObjects(objects, options);
            return new PeerBundle(tlp ?? Tlp.Amber, Campaigns(objects));
        }
    }

    private static List<JsonElement> Objects(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "bundle")
        {
            throw new BundleRejectedException("document is not a STIX bundle (\"type\": \"bundle\" missing)");
        }

        if (!root.TryGetProperty("objects", out var objects))
        {
            return [];
        }

        if (objects.ValueKind != JsonValueKind.Array)
        {
            throw new BundleRejectedException("bundle \"objects\" is not an array");
        }

        var list = objects.EnumerateArray().ToList();
        if (list.Any(o => o.ValueKind != JsonValueKind.Object || Text(o, "type") is null || Text(o, "id") is null))
        {
            throw new BundleRejectedException("bundle holds an entry that is not a STIX object with a type and an id");
        }

        // Ids end up in matches.csv and sightings: an id outside the STIX grammar (markup, a formula) refuses the bundle.
        if (list.Select((o, i) => (Index: i, Problem: StixGrammar.Violation(Text(o, "type"), Text(o, "id")))).FirstOrDefault(x => x.Problem is not null) is { Problem: { } problem } bad)
        {
            throw new BundleRejectedException($"bundle object {bad.Index} breaks the STIX grammar: {problem}");
        }

        return list;
    }

    /// <summary>Checks spec versions and markings; returns the most restrictive TLP level seen.</summary>
    private static Tlp? CheckObjects(List<JsonElement> objects, MatchOptions options)
    {
        Tlp? strictest = null;
        foreach (var o in objects)
        {
            var id = Text(o, "id")!;
            if (Text(o, "spec_version") != "2.1")
            {
                throw new BundleRejectedException($"object {id} has spec_version '{Text(o, "spec_version") ?? "(none)"}', only 2.1 is accepted");
            }

            if (Text(o, "type") == "marking-definition")
            {
                var level = Marking(id, options, $"marking-definition {id}");
                CheckDefinition(o, id, level);
            }

            foreach (var markingId in MarkingRefs(o))
            {
                var level = Marking(markingId, options, $"object {id}");
                strictest = strictest is null || level > strictest ? level : strictest;
            }
        }

        return strictest;
    }

    private static Tlp Marking(string markingId, MatchOptions options, string where)
    {
        var level = TlpMarkings.FromId(markingId)
            ?? throw new BundleRejectedException($"{where} carries marking {markingId}, which is not a TLP 2.0 marking definition");
        if (level > options.MaxTlp)
        {
            throw new BundleRejectedException(
                $"{where} is marked TLP:{TlpMarkings.Value(level).ToUpperInvariant()}, stricter than the allowed TLP:{TlpMarkings.Value(options.MaxTlp).ToUpperInvariant()}");
        }

        return level;
    }

    /// <summary>A marking definition that reuses an official id must say the same level.</summary>
    private static void CheckDefinition(JsonElement definition, string id, Tlp level)
    {
        var value = definition.TryGetProperty("extensions", out var ext)
            && ext.ValueKind == JsonValueKind.Object
            && ext.TryGetProperty(TlpMarkings.ExtensionId, out var tlp)
            && tlp.ValueKind == JsonValueKind.Object
                ? Text(tlp, "tlp_2_0")
                : null;
        if (value != TlpMarkings.Value(level))
        {
            throw new BundleRejectedException($"marking-definition {id} does not define TLP 2.0 level '{TlpMarkings.Value(level)}'");
        }
    }

    private static IEnumerable<string> MarkingRefs(JsonElement o)
    {
        if (o.TryGetProperty("object_marking_refs", out var refs) && refs.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in refs.EnumerateArray())
            {
                yield return r.ValueKind == JsonValueKind.String ? r.GetString()! : r.GetRawText();
            }
        }

        if (o.TryGetProperty("granular_markings", out var granular) && granular.ValueKind == JsonValueKind.Array)
        {
            foreach (var g in granular.EnumerateArray())
            {
                yield return (g.ValueKind == JsonValueKind.Object ? Text(g, "marking_ref") : null) ?? g.GetRawText();
            }
        }
    }

    private static List<PeerCampaign> Campaigns(List<JsonElement> objects)
    {
        var indicators = new Dictionary<string, PeerIndicator>(StringComparer.Ordinal);
        foreach (var o in objects.Where(o => Text(o, "type") == "indicator"))
        {
            if (Fingerprint(o) is { } indicator)
            {
                indicators[indicator.IndicatorId] = indicator;
            }
        }

        var campaigns = objects.Where(o => Text(o, "type") == "campaign").Select(o => Text(o, "id")!).ToHashSet(StringComparer.Ordinal);
        return objects
            .Where(o => Text(o, "type") == "relationship" && Text(o, "relationship_type") == "indicates")
            .Select(o => (Source: Text(o, "source_ref") ?? "", Target: Text(o, "target_ref") ?? ""))
            .Where(r => indicators.ContainsKey(r.Source) && campaigns.Contains(r.Target))
            .GroupBy(r => r.Target, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PeerCampaign(g.Key, g.Select(r => indicators[r.Source]).Distinct().OrderBy(i => i.IndicatorId, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>The DistillGuard payload of an indicator, or null for indicators of other kinds.</summary>
    private static PeerIndicator? Fingerprint(JsonElement indicator)
    {
        if (!indicator.TryGetProperty("extensions", out var ext) || ext.ValueKind != JsonValueKind.Object
            || !ext.TryGetProperty(FingerprintExtension.Id, out var payload) || payload.ValueKind != JsonValueKind.Object
            || IndicatorKinds.FromContract(Text(payload, "fingerprint_kind")) is not { } kind
            || !payload.TryGetProperty("hashes", out var hashes) || hashes.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        if (kind == IndicatorKind.Template && payload.TryGetProperty("band_count", out var bands)
            && (bands.ValueKind != JsonValueKind.Number || !bands.TryGetInt32(out var count) || count != Fingerprints.TemplateFingerprint.BandCount))
        {
            return null; // another LSH layout: its bands cannot be compared with ours.
        }

        var set = hashes.EnumerateArray().Where(h => h.ValueKind == JsonValueKind.String).Select(h => h.GetString()!).ToHashSet(StringComparer.Ordinal);
        return new PeerIndicator(Text(indicator, "id")!, kind, Text(payload, "key_id") ?? "", set);
    }

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
