namespace DistillGuard.Reporting;

using System.Text;

/// <summary>RFC 4180 field quoting and the cleaning of free text bound for a ';'-separated list.</summary>
internal static class Csv
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Field(string value) =>
        value.IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Removes ';', CR and LF (the list separator and line breaks), collapsing the gaps to one space.</summary>
    public static string StripSeparators(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is ';' or '\r' or '\n' || char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
