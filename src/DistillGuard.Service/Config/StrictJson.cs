using System.Text.Json;
using System.Text.Json.Serialization;

namespace DistillGuard.Service.Config;

/// <summary>
/// Reads the service's JSON files (config, policy) strictly: snake_case names, comments and trailing commas allowed, an
/// unknown field refused (a misspelt field would otherwise be silently ignored). Faults name the field.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The file's text; an <see cref="InvalidDataException"/> naming <paramref name="what"/> and the file if it cannot be read.</summary>
    public static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"cannot read {what} '{path}': {ex.Message}", ex);
        }
    }

    /// <param name="fault">Makes the exception for a field and a problem.</param>
    public static T Deserialize<T>(string json, Func<string, string, InvalidDataException> fault)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(fault);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw fault("(root)", "the file is empty");
        }
        catch (JsonException ex)
        {
            throw fault(string.IsNullOrEmpty(ex.Path) ? "(root)" : ex.Path.TrimStart('$', '.'), "not valid: " + ex.Message);
        }
    }
}
