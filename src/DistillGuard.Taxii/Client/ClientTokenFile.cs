using System.Text.Json;

namespace DistillGuard.Taxii.Client;

/// <summary>
/// Reads a client's bearer token from a file, so that it never appears on a command line: either
/// the token alone as text, or <c>{"token":"..."}</c>.
/// </summary>
public static class ClientTokenFile
{
    public static string Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"cannot read token file '{path}': {ex.Message}", ex);
        }

        if (text.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                text = document.RootElement.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String
                    ? token.GetString()!.Trim()
                    : "";
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"token file '{path}' is not valid JSON: {ex.Message}", ex);
            }
        }

        return text.Length > 0 ? text : throw new InvalidDataException($"token file '{path}' holds no token");
    }
}
