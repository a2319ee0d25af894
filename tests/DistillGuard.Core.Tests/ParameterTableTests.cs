using System.Text.Json;
using System.Text.RegularExpressions;
using DistillGuard.Core.Detection;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>
/// docs/scoring.md's "Every parameter" holds one row per option of the options root, by the path `distillguard options`
/// prints, with the default it prints; and names no option the root does not have.
/// </summary>
public sealed partial class ParameterTableTests
{
    private const string Section = "## Every parameter";

    [Fact]
    public void EveryOptionOfTheRootHasARowInTheParameterTable()
    {
        var rows = TableRows(Doc());
        var missing = Leaves().Keys.Where(path => !rows.ContainsKey(path)).ToList();

        Assert.True(missing.Count == 0, "docs/scoring.md has no row '| `path` |' for: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryRowOfTheParameterTableThatNamesAnOptionNamesOneTheRootHas()
    {
        var leaves = Leaves();
        var stages = leaves.Keys.Select(path => path[..(path.IndexOf('.', StringComparison.Ordinal) + 1)]).ToHashSet();
        var rows = TableRows(EveryParameterSection(Doc()));
        var unknown = rows.Keys.Where(path => stages.Any(path.StartsWith) && !leaves.ContainsKey(path)).ToList();

        Assert.NotEmpty(rows);
        Assert.True(unknown.Count == 0, "docs/scoring.md names options the root does not have: " + string.Join(", ", unknown));
    }

    [Fact]
    public void EveryRowOfTheParameterTableGivesTheDefaultTheOptionsCommandPrints()
    {
        var rows = TableRows(EveryParameterSection(Doc()));
        var wrong = Leaves()
            .Where(leaf => rows.TryGetValue(leaf.Key, out var written) && written != leaf.Value)
            .Select(leaf => $"{leaf.Key}: '{rows[leaf.Key]}' written, '{leaf.Value}' printed")
            .ToList();

        Assert.True(wrong.Count == 0, "docs/scoring.md gives other defaults than the root: " + string.Join("; ", wrong));
    }

    /// <summary>Every leaf of the default root as written (a ramp is one leaf), by its path, with its default as the table writes it.</summary>
    private static Dictionary<string, string> Leaves()
    {
        using var document = JsonDocument.Parse(DetectionOptionsJson.Write(DetectionOptions.Default));
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(document.RootElement, prefix: null, leaves);
        return leaves;
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string> leaves)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            leaves.Add(prefix!, element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText());
            return;
        }

        if (IsRamp(element))
        {
            var from = element.GetProperty("from").GetRawText();
            var to = element.GetProperty("to").GetRawText();
            leaves.Add(prefix!, element.GetProperty("log10").GetBoolean() ? $"from {from} to {to} decades" : $"from {from} to {to}");
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            Flatten(property.Value, prefix is null ? property.Name : prefix + "." + property.Name, leaves);
        }
    }

    private static bool IsRamp(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).SequenceEqual(["from", "log10", "to"]);

    /// <summary>Rows beginning with a name in backticks, by that name, with their second cell (backticks removed).</summary>
    private static Dictionary<string, string> TableRows(string text)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Row().Matches(text))
        {
            rows.TryAdd(match.Groups["path"].Value, match.Groups["default"].Value.Replace("`", string.Empty, StringComparison.Ordinal).Trim());
        }

        return rows;
    }

    private static string EveryParameterSection(string doc)
    {
        var start = doc.IndexOf("\n" + Section + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/scoring.md has no '{Section}' section");
        var end = doc.IndexOf("\n## ", start + Section.Length + 1, StringComparison.Ordinal);
        return end < 0 ? doc[start..] : doc[start..end];
    }

    private static string Doc()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DistillGuard.sln")))
        {
            dir = dir.Parent;
        }

        var path = dir is null
            ? throw new InvalidOperationException("no folder holding DistillGuard.sln above " + AppContext.BaseDirectory)
            : Path.Combine(dir.FullName, "docs", "scoring.md");
        return File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| `(?<path>[^`]+)` \|(?<default>[^|\n]*)\|", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Row();
}
