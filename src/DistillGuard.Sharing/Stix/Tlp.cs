using System.Text.Json.Nodes;

namespace DistillGuard.Sharing.Stix;

/// <summary>TLP 2.0 levels, from least to most restrictive.</summary>
public enum Tlp
{
    Clear = 0,
    Green,
    Amber,
    AmberStrict,
    Red,
}

/// <summary>The official TLP 2.0 marking-definition objects (OASIS cti-stix-common-objects, TLP 2.0 extension).</summary>
public static class TlpMarkings
{
    /// <summary>The extension-definition that TLP 2.0 marking definitions use.</summary>
    public const string ExtensionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    private const string Created = "2022-10-01T00:00:00.000Z";

    public static string Id(Tlp tlp) => tlp switch
    {
        Tlp.Clear => "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        Tlp.Green => "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        Tlp.Amber => "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        Tlp.AmberStrict => "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        Tlp.Red => "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
        _ => throw new ArgumentOutOfRangeException(nameof(tlp), tlp, "not a TLP 2.0 level"),
    };

    /// <summary>The level's value of the <c>tlp_2_0</c> property, e.g. <c>amber+strict</c>.</summary>
    public static string Value(Tlp tlp) => tlp switch
    {
        Tlp.Clear => "clear",
        Tlp.Green => "green",
        Tlp.Amber => "amber",
        Tlp.AmberStrict => "amber+strict",
        Tlp.Red => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(tlp), tlp, "not a TLP 2.0 level"),
    };

    /// <summary>The level a marking-definition id stands for, or null when it is not a TLP 2.0 marking.</summary>
    public static Tlp? FromId(string? id) =>
        Enum.GetValues<Tlp>().Where(t => string.Equals(Id(t), id, StringComparison.Ordinal)).Select(t => (Tlp?)t).FirstOrDefault();

    /// <summary>The marking-definition object exactly as published (it carries no markings of its own).</summary>
    public static JsonObject Definition(Tlp tlp) => new()
    {
        ["type"] = "marking-definition",
        ["spec_version"] = "2.1",
        ["id"] = Id(tlp),
        ["created"] = Created,
        ["name"] = "TLP:" + Value(tlp).ToUpperInvariant(),
        ["extensions"] = new JsonObject
        {
            [ExtensionId] = new JsonObject
            {
                ["extension_type"] = "property-extension",
                ["tlp_2_0"] = Value(tlp),
            },
        },
    };
}
