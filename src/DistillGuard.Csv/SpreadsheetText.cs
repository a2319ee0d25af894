namespace DistillGuard.Csv;

/// <summary>
/// The rule by which DistillGuard's CSV outputs keep spreadsheets from running a text value as a formula (CSV injection,
/// as OWASP describes it), and by which their readers undo it. A text value that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return is written with a single quote <c>'</c> in front and the field quoted;
/// so is a value that starts with one or more quotes followed by one of those characters, so that the rule can always be
/// undone. A reader removes exactly one leading quote from a value that starts with a quote followed by, after any
/// further quotes, one of those characters; every other value is read as it is. Numbers are never changed: a
/// contribution of -1.2 stays a number.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>The characters that make a spreadsheet read a cell as a formula when it starts with one: = + - @ tab CR.</summary>
    public const string FormulaStarts = "=+-@\t\r";

    /// <summary>What is put in front of a value that a spreadsheet would read as a formula.</summary>
    public const char Escape = '\'';

    /// <summary>Whether <paramref name="value"/> is written with <see cref="Escape"/> in front: quotes, then a formula character.</summary>
    public static bool NeedsEscape(ReadOnlySpan<char> value)
    {
        var rest = value.TrimStart(Escape);
        return !rest.IsEmpty && FormulaStarts.Contains(rest[0], StringComparison.Ordinal);
    }

    /// <summary>The text as it is written into a CSV field (before RFC 4180 quoting).</summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NeedsEscape(value) ? Escape + value : value;
    }

    /// <summary>The original text of a field written by <see cref="Neutralise"/>: the inverse, for every value.</summary>
    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == Escape && NeedsEscape(value.AsSpan(1)) ? value[1..] : value;
    }
}
