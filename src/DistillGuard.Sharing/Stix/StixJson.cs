using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DistillGuard.Sharing.Stix;

/// <summary>Timestamps and stable serialisation for STIX output.</summary>
internal static class StixJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A STIX timestamp: UTC, millisecond precision, <c>Z</c> suffix.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A bundle of <paramref name="objects"/> sorted by id, every object's keys in ordinal order.</summary>
    public static string Bundle(string bundleId, IEnumerable<JsonObject> objects)
    {
        var sorted = new JsonArray();
        foreach (var o in objects.OrderBy(o => (string)o["id"]!, StringComparer.Ordinal))
        {
            sorted.Add(Canonical(o));
        }

        var bundle = new JsonObject { ["id"] = bundleId, ["objects"] = sorted, ["type"] = "bundle" };
        return bundle.ToJsonString(Options) + "\n";
    }

    public static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var v in values)
        {
            array.Add(v);
        }

        return array;
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => SortedCopy(o),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    private static JsonObject SortedCopy(JsonObject o)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            copy[name] = Canonical(value);
        }

        return copy;
    }
}
