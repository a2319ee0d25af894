using System.Text.Encodings.Web;
using System.Text.Json;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Enforcement;

/// <summary>A parsed policy file, or the one reason it was refused.</summary>
public sealed record PolicyParse(Policy? Policy, string? Error);

/// <summary>
/// The policy file: text in, text out, no I/O. Strict, so a policy is never silently misread: an unknown or repeated
/// property, an unknown verdict or action, or a value of the wrong type refuses the file, naming the field.
/// <code>
/// { "version": "2026-12-07", "mode": "enforce" | "shadow", "otherwise": "allow",
///   "rules": [ { "name": "campaign-member", "when": { "verdict": "distillation", "min_risk": 0.8, "in_campaign": true },
///                "action": "block", "expires_after_hours": 168 } ] }
/// </code>
/// </summary>
public static class PolicyJson
{
    private static readonly string[] Top = ["version", "mode", "otherwise", "rules"];
    private static readonly string[] RuleFields = ["name", "when", "action", "expires_after_hours"];
    private static readonly string[] WhenFields = ["verdict", "min_risk", "in_campaign"];

    public static string Write(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", policy.Version);
            json.WriteString("mode", policy.Mode == PolicyMode.Shadow ? "shadow" : "enforce");
            json.WriteString("otherwise", policy.Otherwise.ToContract());
            json.WriteStartArray("rules");
            foreach (var rule in policy.Rules)
            {
                json.WriteStartObject();
                json.WriteString("name", rule.Name);
                json.WriteStartObject("when");
                if (rule.When.Verdict is { } verdict)
                {
                    json.WriteString("verdict", verdict.ToContract());
                }

                if (rule.When.MinRisk is { } risk)
                {
                    json.WriteNumber("min_risk", risk);
                }

                if (rule.When.InCampaign is { } inCampaign)
                {
                    json.WriteBoolean("in_campaign", inCampaign);
                }

                json.WriteEndObject();
                json.WriteString("action", rule.Action.ToContract());
                if (rule.ExpiresAfter is { } expiry)
                {
                    json.WriteNumber("expires_after_hours", expiry.TotalHours);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static PolicyParse Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
            var policy = Read(document.RootElement);
            return policy.Problem() is { } problem ? new(null, problem) : new(policy, null);
        }
        catch (JsonException e)
        {
            return new(null, "not a valid JSON document (a repeated property counts as invalid): " + e.Message);
        }
        catch (FormatException e)
        {
            return new(null, e.Message);
        }
    }

    private static Policy Read(JsonElement root)
    {
        var top = Fields(root, "the policy", Top);
        var version = String(top, "version", "the policy") ?? throw new FormatException("the policy needs \"version\"");
        var mode = String(top, "mode", "the policy") switch
        {
            null or "enforce" => PolicyMode.Enforce,
            "shadow" => PolicyMode.Shadow,
            var other => throw new FormatException($"\"mode\" is '{other}': expected enforce or shadow"),
        };
        var otherwise = top.TryGetValue("otherwise", out var fallback) ? Action(fallback, "\"otherwise\"") : EnforcementAction.Allow;
        if (!top.TryGetValue("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("the policy needs \"rules\", an array (it may be empty)");
        }

        return new Policy(version, mode, [.. rules.EnumerateArray().Select((r, i) => Rule(r, i + 1))], otherwise);
    }

    private static PolicyRule Rule(JsonElement element, int number)
    {
        var where = $"rule {number}";
        var fields = Fields(element, where, RuleFields);
        var name = String(fields, "name", where) ?? throw new FormatException($"{where} needs \"name\"");
        var when = fields.TryGetValue("when", out var w) ? Condition(w, $"{where} \"when\"") : new PolicyCondition();
        var action = fields.TryGetValue("action", out var a) ? Action(a, $"{where} \"action\"") : throw new FormatException($"{where} needs \"action\"");
        TimeSpan? expiry = null;
        if (fields.TryGetValue("expires_after_hours", out var hours))
        {
            expiry = hours.ValueKind == JsonValueKind.Number && hours.TryGetDouble(out var h) && double.IsFinite(h) && h > 0 && h <= TimeSpan.MaxValue.TotalHours / 2
                ? TimeSpan.FromHours(h)
                : throw new FormatException($"{where} \"expires_after_hours\" must be a number of hours above 0");
        }

        return new PolicyRule(name, when, action, expiry);
    }

    private static PolicyCondition Condition(JsonElement element, string where)
    {
        var fields = Fields(element, where, WhenFields);
        Verdict? verdict = null;
        if (String(fields, "verdict", where) is { } text)
        {
            verdict = VerdictText.TryParse(text, out var v) && v.ToContract() == text ? v : throw new FormatException($"{where} \"verdict\" is '{text}': expected benign, suspicious or distillation");
        }

        double? risk = null;
        if (fields.TryGetValue("min_risk", out var r))
        {
            risk = r.ValueKind == JsonValueKind.Number && r.TryGetDouble(out var value) ? value : throw new FormatException($"{where} \"min_risk\" must be a number");
        }

        bool? inCampaign = null;
        if (fields.TryGetValue("in_campaign", out var c))
        {
            inCampaign = c.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new FormatException($"{where} \"in_campaign\" must be true or false"),
            };
        }

        return new PolicyCondition(verdict, risk, inCampaign);
    }

    private static EnforcementAction Action(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.String && EnforcementActions.TryParse(element.GetString(), out var action)
            ? action
            : throw new FormatException($"{where} must be one of {EnforcementActions.Names}");

    private static Dictionary<string, JsonElement> Fields(JsonElement element, string where, string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} must be a JSON object");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new FormatException($"{where}: unknown property '{property.Name}' (expected {string.Join(", ", allowed)})");
            }

            fields[property.Name] = property.Value;
        }

        return fields;
    }

    private static string? String(Dictionary<string, JsonElement> fields, string name, string where) =>
        !fields.TryGetValue(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new FormatException($"{where} \"{name}\" must be a string");
}
