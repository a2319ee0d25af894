namespace DistillGuard.Reporting;

using System.Text;

/// <summary>The cleaning of free text bound for a ';'-separated list (fields are written by <see cref="DistillGuard.Csv.CsvOutput"/>).</summary>
internal static class Csv
{
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
