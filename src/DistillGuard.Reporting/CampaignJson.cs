namespace DistillGuard.Reporting;

using System.Globalization;
using System.Text.Json;
using DistillGuard.Core.Model;

/// <summary>One campaign as an object of campaigns.json: the contract fields, then extras.</summary>
internal static class CampaignJson
{
    /// <summary>RFC 3339 in UTC with a 'Z'; fractional seconds only when there are any.</summary>
    public static string Rfc3339(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static void Write(Utf8JsonWriter json, CampaignSummary campaign)
    {
        json.WriteStartObject();
        json.WriteString("campaign_id", campaign.CampaignId.Value);
        json.WriteStartArray("accounts");
        foreach (var account in campaign.Accounts)
        {
            json.WriteStringValue(account.Value);
        }

        json.WriteEndArray();
        json.WriteNumber("exchanges", campaign.Exchanges);
        json.WriteString("first_seen", Rfc3339(campaign.FirstSeen));
        json.WriteString("last_seen", Rfc3339(campaign.LastSeen));
        json.WriteNumber("output_tokens", campaign.OutputTokens);
        json.WriteStartObject("capability_mix");
        foreach (var (capability, share) in campaign.CapabilityMix.OrderBy(kv => kv.Key))
        {
            json.WriteNumber(capability.ToContract(), share);
        }

        json.WriteEndObject();
        WriteStrings(json, "evidence", campaign.Evidence);

        // Extras beyond the contract's required fields.
        json.WriteNumber("input_tokens", campaign.InputTokens);
        json.WriteNumber("reasoning_tokens", campaign.ReasoningTokens);
        WriteStrings(json, "models", campaign.Models);
        json.WriteNumber("estimated_api_value_usd", Math.Round(campaign.EstimatedApiValueUsd, 2));
        WriteCounts(json, "asns", campaign.Asns);
        WriteCounts(json, "countries", campaign.Countries);
        json.WriteStartArray("model_shifts");
        foreach (var shift in campaign.ModelShifts)
        {
            json.WriteStartObject();
            json.WriteString("day", shift.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("from", shift.FromModel);
            json.WriteString("to", shift.ToModel);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("timeline");
        foreach (var day in campaign.Timeline)
        {
            json.WriteStartObject();
            json.WriteString("day", day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteNumber("exchanges", day.Exchanges);
            json.WriteNumber("output_tokens", day.OutputTokens);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyList<NamedCount> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStartObject();
            json.WriteString("name", value.Name);
            json.WriteNumber("exchanges", value.Exchanges);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
