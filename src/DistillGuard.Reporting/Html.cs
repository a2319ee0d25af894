namespace DistillGuard.Reporting;

using System.Globalization;
using System.Net;
using DistillGuard.Core.Model;

/// <summary>
/// Escaping and invariant formatting for the report. Every string that may come from input
/// reaches the page through <see cref="E"/>; markup is written only from constants.
/// </summary>
internal static class Html
{
    /// <summary>HTML-escapes text for element content and quoted attribute values (&lt; &gt; &amp; " ').</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Score(double score) => score.ToString("F4", CultureInfo.InvariantCulture);

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A date in words for the headline, e.g. "1 March 2026" (UTC).</summary>
    public static string LongDate(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 60 => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min {span.Seconds:00} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00} min {span.Seconds:00} s"),
    };

    /// <summary>A capability as a reader says it: "agentic tool use" rather than "agentic_tool_use".</summary>
    public static string CapabilityName(Capability capability) => capability.ToContract().Replace('_', ' ');
}
