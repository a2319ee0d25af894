using System.Text.RegularExpressions;

namespace DistillGuard.Core.Sharing;

/// <summary>
/// The STIX 2.1 grammar of an object's <c>type</c> and <c>id</c> (§2.7, §2.9): a type is 3 to 250 of a–z, 0–9 and
/// hyphen, with no two hyphens together (they separate the type from the UUID in an id); an id is the type, "--"
/// and an RFC 4122 UUID. Text from a peer that breaks it (markup, a spreadsheet formula) is refused, never stored or copied.
/// </summary>
public static partial class StixGrammar
{
    [GeneratedRegex("^[a-z0-9-]{3,250}$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeText();

    public static bool IsType(string? type) => type is not null && TypeText().IsMatch(type) && !type.Contains("--", StringComparison.Ordinal);

    /// <summary>True when <paramref name="id"/> is <paramref name="type"/>--uuid (any type, when <paramref name="type"/> is null).</summary>
    public static bool IsId(string? id, string? type = null)
    {
        if (id is null)
        {
            return false;
        }

        var separator = id.IndexOf("--", StringComparison.Ordinal);
        return separator > 0
            && IsType(id[..separator])
            && (type is null || string.Equals(id[..separator], type, StringComparison.Ordinal))
            && Guid.TryParseExact(id[(separator + 2)..], "D", out _);
    }

    /// <summary>Why the pair breaks the grammar; null when it does not.</summary>
    public static string? Violation(string? type, string? id) =>
        !IsType(type) ? "'type' must be 3 to 250 of a-z, 0-9 and single hyphens"
        : !IsId(id, type) ? $"'id' must be '{type}--<uuid>'"
        : null;
}
