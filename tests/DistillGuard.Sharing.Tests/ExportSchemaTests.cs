using System.Text.Json;
using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Tests;

public sealed class ExportSchemaTests
{
    public static TheoryData<Tlp, int> Cases()
    {
        var data = new TheoryData<Tlp, int>();
        foreach (var tlp in Enum.GetValues<Tlp>())
        {
            data.Add(tlp, 1);
            data.Add(tlp, 3);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryExportedBundleValidatesAgainstTheOasisBundleSchema(Tlp tlp, int campaigns)
    {
        var bundle = Bundles.Export(Bundles.ThreeCampaigns().Take(campaigns).ToList(), tlp);

        // Upstream bundle.json lists no extension-definition schema, and its branch for custom objects
        // (oneOf core, cyber-observable-core) matches both for any SDO-shaped object, so it refuses every
        // extension-definition. Those are checked against common/extension-definition.json instead
        // (EveryObjectValidatesAgainstItsOwnOasisSchema); the bundle is checked without them.
        var checkedByBundleSchema = Bundles.Objects(bundle).Where(o => o.GetProperty("type").GetString() != "extension-definition").ToList();
        var failing = checkedByBundleSchema
            .Where(o => StixSchemas.Errors(BundleOf(o), "common/bundle.json").Count > 0)
            .Select(o => o.GetProperty("id").GetString())
            .ToList();
        Assert.Empty(failing);
        using var document = JsonDocument.Parse(bundle);
        var root = document.RootElement;
        var whole = BundleOf([.. checkedByBundleSchema], root.GetProperty("id").GetString()!);
        Assert.Empty(StixSchemas.Errors(whole, "common/bundle.json"));
        Assert.Single(Bundles.OfType(bundle, "extension-definition"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryObjectValidatesAgainstItsOwnOasisSchema(Tlp tlp, int campaigns)
    {
        var bundle = Bundles.Export(Bundles.ThreeCampaigns().Take(campaigns).ToList(), tlp);

        foreach (var o in Bundles.Objects(bundle))
        {
            var type = o.GetProperty("type").GetString()!;
            var errors = StixSchemas.Errors(o, StixSchemas.SchemaFor(type));
            Assert.True(errors.Count == 0, $"{o.GetProperty("id")}: {string.Join("; ", errors.Take(5))}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryObjectCarriesTheChosenTlpMarkingAndOnlyThatOne(Tlp tlp, int campaigns)
    {
        var bundle = Bundles.Export(Bundles.ThreeCampaigns().Take(campaigns).ToList(), tlp);

        var markings = Bundles.OfType(bundle, "marking-definition");
        Assert.Equal(TlpMarkings.Id(tlp), Assert.Single(markings).GetProperty("id").GetString());
        foreach (var o in Bundles.Objects(bundle).Where(o => o.GetProperty("type").GetString() != "marking-definition"))
        {
            var refs = o.GetProperty("object_marking_refs").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal([TlpMarkings.Id(tlp)], refs);
        }
    }

    [Fact]
    public void ABundleHoldsTheStixObjectsTheSharingContractPromises()
    {
        var bundle = Bundles.Export(Bundles.ThreeCampaigns());

        Assert.Single(Bundles.OfType(bundle, "identity"));
        Assert.Single(Bundles.OfType(bundle, "extension-definition"));
        Assert.Equal(3, Bundles.OfType(bundle, "campaign").Count);
        Assert.Equal(3, Bundles.OfType(bundle, "infrastructure").Count);
        Assert.Equal(3, Bundles.OfType(bundle, "sighting").Count);
        Assert.Single(Bundles.OfType(bundle, "intrusion-set"));
        var types = Bundles.OfType(bundle, "relationship").Select(r => r.GetProperty("relationship_type").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "indicates", "uses", "attributed-to" }, types);
        Assert.Equal(2, Bundles.OfType(bundle, "relationship").Count(r => r.GetProperty("relationship_type").GetString() == "attributed-to"));
        Assert.All(Bundles.OfType(bundle, "indicator"), i =>
        {
            Assert.Equal(FingerprintExtension.PatternType, i.GetProperty("pattern_type").GetString());
            Assert.True(i.GetProperty("extensions").TryGetProperty(FingerprintExtension.Id, out _));
        });
        Assert.Contains("reasoning", Bundles.OfType(bundle, "campaign")[0].GetProperty("objective").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASingleCampaignHasNoIntrusionSet()
    {
        var bundle = Bundles.Export(Bundles.ThreeCampaigns().Take(1).ToList());

        Assert.Empty(Bundles.OfType(bundle, "intrusion-set"));
    }

    [Fact]
    public void TheDocumentedExtensionSchemaAcceptsTheExtensionPayloads()
    {
        var repo = RepoRoot();
        var schema = Json.Schema.JsonSchema.FromFile(Path.Combine(repo, "docs", "stix", "distillguard-fingerprints.schema.json"),
            new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() });
        var bundle = Bundles.Export(Bundles.ThreeCampaigns());

        foreach (var o in Bundles.Objects(bundle).Where(o => o.TryGetProperty("extensions", out var e) && e.TryGetProperty(FingerprintExtension.Id, out _)))
        {
            var payload = o.GetProperty("extensions").GetProperty(FingerprintExtension.Id);
            Assert.True(schema.Evaluate(payload).IsValid, o.GetProperty("id").GetString());
        }
    }

    /// <summary>One object in a bundle of its own, so a failure names the object (the bundle schema's oneOf reports every branch).</summary>
    private static JsonElement BundleOf(JsonElement o) => BundleOf([o], "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d");

    private static JsonElement BundleOf(JsonElement[] objects, string id) =>
        JsonDocument.Parse($"{{\"type\":\"bundle\",\"id\":\"{id}\",\"objects\":[{string.Join(',', objects.Select(o => o.GetRawText()))}]}}").RootElement;

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "DistillGuard.sln")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }
}
