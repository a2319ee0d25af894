using System.Text.Json;
using Json.Schema;

namespace DistillGuard.Sharing.Tests;

/// <summary>The OASIS STIX 2.1 JSON schemas from ../shared/data, registered by their $id so relative $refs resolve offline.</summary>
internal static class StixSchemas
{
    private const string IdBase = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    public static string Folder { get; } = FindFolder();

    /// <summary>Validation errors of <paramref name="instance"/> against the schema at <paramref name="relativePath"/> (e.g. common/bundle.json).</summary>
    public static IReadOnlyList<string> Errors(JsonElement instance, string relativePath)
    {
        var schema = Schemas.Value[relativePath];
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {d.EvaluationPath}: {e.Key} {e.Value}"))
            .DefaultIfEmpty("invalid (no details)")
            .ToList();
    }

    /// <summary>The schema that describes one object of a bundle.</summary>
    public static string SchemaFor(string type) => type switch
    {
        "relationship" or "sighting" => $"sros/{type}.json",
        "marking-definition" or "extension-definition" => $"common/{type}.json",
        _ => $"sdos/{type}.json",
    };

    private static Dictionary<string, JsonSchema> Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Folder, file).Replace('\\', '/');
            schemas[relative] = JsonSchema.FromFile(file, options, new Uri(IdBase + relative));
        }

        return schemas;
    }

    private static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DistillGuard.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new DirectoryNotFoundException("no folder with DistillGuard.sln above " + AppContext.BaseDirectory);
        }

        var folder = Path.Combine(dir.Parent.FullName, "shared", "data", "stix2.1-schemas");
        return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException("STIX schemas not found at " + folder);
    }
}
