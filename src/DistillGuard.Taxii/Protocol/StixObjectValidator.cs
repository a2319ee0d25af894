using System.Text.Json;

namespace DistillGuard.Taxii.Protocol;

/// <summary>A posted object that passed validation, ready to store as given.</summary>
public sealed record ValidStixObject(string Id, string Type, DateTimeOffset? Modified, string Json);

/// <summary>The outcome of validating one posted object: the object, or the id (if any) and the reason it was refused.</summary>
public sealed record StixValidation(ValidStixObject? Value, string? Id, string? Failure)
{
    public static StixValidation Ok(ValidStixObject value) => new(value, value.Id, null);

    public static StixValidation Fail(string? id, string reason) => new(null, id, reason);
}

/// <summary>
/// The minimal checks the server makes before storing: a JSON object with a <c>type</c>, an
/// <c>id</c> of the form <c>type--uuid</c>, <c>spec_version</c> "2.1", and parseable
/// <c>modified</c>/<c>created</c> timestamps when present. Failures are values, never exceptions.
/// </summary>
public static class StixObjectValidator
{
    public static StixValidation Validate(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return StixValidation.Fail(null, "not a JSON object");
        }

        var id = String(element, "id");
        var type = String(element, "type");
        if (string.IsNullOrEmpty(type))
        {
            return StixValidation.Fail(id, "missing 'type'");
        }

        if (id is null)
        {
            return StixValidation.Fail(null, "missing 'id'");
        }

        if (DistillGuard.Core.Sharing.StixGrammar.Violation(type, id) is { } violation)
        {
            // Never echo a type that breaks the grammar: it may be markup.
            return StixValidation.Fail(DistillGuard.Core.Sharing.StixGrammar.IsType(type) ? id : null, violation);
        }

        if (!string.Equals(String(element, "spec_version"), "2.1", StringComparison.Ordinal))
        {
            return StixValidation.Fail(id, "'spec_version' must be \"2.1\"");
        }

        DateTimeOffset? version = null;
        foreach (var name in new[] { "modified", "created" })
        {
            if (element.TryGetProperty(name, out var stamp))
            {
                if (stamp.ValueKind != JsonValueKind.String || !TaxiiTimestamp.TryParse(stamp.GetString(), out var parsed))
                {
                    return StixValidation.Fail(id, $"'{name}' is not a timestamp");
                }

                version ??= parsed;
            }
        }

        return StixValidation.Ok(new ValidStixObject(id, type, version, element.GetRawText()));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
