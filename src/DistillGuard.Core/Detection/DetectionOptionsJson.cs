using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DistillGuard.Core.Detection;

/// <summary>A parsed options file, or the one reason it was refused.</summary>
public sealed record DetectionOptionsParse(DetectionOptions? Options, string? Error);

/// <summary>
/// The options root as JSON (snake_case, every option by name): text in, text out, no I/O. Writing gives every option,
/// so a run's <c>detection_options.json</c> reproduces it. Reading is strict about names (an unknown or repeated
/// property, a null or a value of the wrong type refuses the file, naming it) and lenient about absence: an option left
/// out keeps its default, so a file may hold only what it changes. What is read is validated as a whole.
/// </summary>
public static class DetectionOptionsJson
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static string Write(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.Serialize(options, Json) + "\n";
    }

    /// <summary>The options as a JSON element, to embed in another document (a model file).</summary>
    public static JsonElement ToElement(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return JsonSerializer.SerializeToElement(options, Json);
    }

    public static DetectionOptionsParse Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            return new(null, "not a valid JSON document (a repeated property counts as invalid): " + e.Message);
        }
    }

    public static DetectionOptionsParse Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new(null, "detection options must be a JSON object");
        }

        DetectionOptions options;
        try
        {
            options = element.Deserialize<DetectionOptions>(Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            return new(null, $"detection options: {e.Message}");
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            return new(null, $"detection options out of range: {e.Message}");
        }

        return new(options, null);
    }
}
