using System.Globalization;

namespace DistillGuard.Taxii.Protocol;

/// <summary>TAXII/STIX timestamps: RFC 3339 in UTC, kept and written with microsecond precision.</summary>
public static class TaxiiTimestamp
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        if (text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = Truncate(parsed);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Drops sub-microsecond ticks, the precision the store keeps.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);
}
