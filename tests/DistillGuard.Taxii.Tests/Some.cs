using System.Globalization;
using DistillGuard.Taxii.Config;

namespace DistillGuard.Taxii.Tests;

/// <summary>Test data: a config with two collections and three peers, and STIX objects.</summary>
internal static class Some
{
    public const string Campaigns = "6d1f6a47-4a7c-4b8e-9a0e-3f3b1c2d4e5f";
    public const string Other = "0c9e0a1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
    public const string Unknown = "11111111-2222-4333-8444-555555555555";

    /// <summary>Reads and writes the campaigns collection.</summary>
    public const string WriterToken = "writer-token-0123456789abcdef";

    /// <summary>Reads the campaigns collection only.</summary>
    public const string ReaderToken = "reader-token-0123456789abcdef";

    /// <summary>Reads and writes the other collection only.</summary>
    public const string OutsiderToken = "outsider-token-0123456789abcdef";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public const string ConfigJson = $$"""
        {
          "api_root": "distillguard",
          "title": "test server",
          "max_content_length": 65536,
          "collections": [
            { "id": "{{Campaigns}}", "title": "distillation-campaigns", "description": "flagged campaigns" },
            { "id": "{{Other}}", "title": "other" }
          ],
          "tokens": [
            { "token": "{{WriterToken}}", "name": "peer-writer", "read": ["{{Campaigns}}"], "write": ["{{Campaigns}}"] },
            { "token": "{{ReaderToken}}", "name": "peer-reader", "read": ["{{Campaigns}}"], "write": [] },
            { "token": "{{OutsiderToken}}", "name": "peer-outsider", "read": ["{{Other}}"], "write": ["{{Other}}"] }
          ]
        }
        """;

    public static TaxiiConfig Config() => TaxiiConfigFile.Parse(ConfigJson);

    /// <summary>A deterministic indicator id: the n-th one.</summary>
    public static string IndicatorId(int n) =>
        "indicator--" + new Guid(n, 0x1234, 0x4567, 0x89, 0xab, 0, 0, 0, 0, 0, 1).ToString("D");

    public static string Indicator(int n, DateTimeOffset? modified = null)
    {
        var stamp = (modified ?? Start).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var created = Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return $$"""
            {"type":"indicator","spec_version":"2.1","id":"{{IndicatorId(n)}}","created":"{{created}}","modified":"{{stamp}}","name":"campaign {{n}}","pattern":"[ipv4-addr:value = '203.0.113.{{n % 250}}']","pattern_type":"stix","valid_from":"{{created}}"}
            """;
    }

    public static string Envelope(params string[] objects) => "{\"objects\":[" + string.Join(",", objects) + "]}";

    public static string Envelope(IEnumerable<string> objects) => Envelope(objects.ToArray());
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
