using System.Globalization;
using System.Text;
using Spectre.Console;

namespace DistillGuard.Cli.Commands;

/// <summary>
/// Text for the console from values an attacker may control (ids, evidence quoting them): shown
/// as plain text, never markup, with control and invisible formatting characters (terminal escape
/// sequences, bidirectional overrides) spelled out as <c>\uXXXX</c> instead of acting on the terminal.
/// </summary>
internal static class ConsoleText
{
    public static Text Cell(string text) => new(Printable(text));

    public static Text Line(string term, string value) => new($"{Printable(term)}: {Printable(value)}");

    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (NeedsEscape(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
