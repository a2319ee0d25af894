using System.Text.Json;
using System.Text.Json.Serialization;

namespace DistillGuard.Taxii.Config;

/// <summary>
/// Reads the server's JSON config: <c>{"api_root":..,"collections":[..],"tokens":[..]}</c>.
/// Every fault (unreadable file, bad JSON, a token naming an unknown collection) is an
/// <see cref="InvalidDataException"/> that names the file.
/// </summary>
public static class TaxiiConfigFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static TaxiiConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"cannot read TAXII config '{path}': {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    public static TaxiiConfig Parse(string json, string source = "config")
    {
        ConfigDto dto;
        try
        {
            dto = JsonSerializer.Deserialize<ConfigDto>(json, Json) ?? throw new InvalidDataException($"TAXII config '{source}' is empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"TAXII config '{source}' is not valid JSON: {ex.Message}", ex);
        }

        var collections = (dto.Collections ?? []).Select(c => ToCollection(c, source)).ToArray();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in collections)
        {
            if (!ids.Add(c.Id))
            {
                throw new InvalidDataException($"TAXII config '{source}': collection '{c.Id}' is declared twice");
            }
        }

        var tokens = (dto.Tokens ?? []).Select(t => ToGrant(t, ids, source)).ToArray();
        if (tokens.Select(t => t.Token).Distinct(StringComparer.Ordinal).Count() != tokens.Length)
        {
            throw new InvalidDataException($"TAXII config '{source}': a token is declared twice");
        }

        // Names identify a peer (e.g. as the owner of a status resource), so they must be unique too.
        if (tokens.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() != tokens.Length)
        {
            throw new InvalidDataException($"TAXII config '{source}': a token name is declared twice");
        }

        var apiRoot = string.IsNullOrWhiteSpace(dto.ApiRoot) ? TaxiiConfig.DefaultApiRoot : dto.ApiRoot.Trim('/');
        if (apiRoot.Contains('/', StringComparison.Ordinal) || string.Equals(apiRoot, "taxii2", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"TAXII config '{source}': api_root '{apiRoot}' must be one path segment other than 'taxii2'");
        }

        return new TaxiiConfig(
            apiRoot,
            dto.Title ?? "DistillGuard threat intelligence",
            collections,
            tokens,
            dto.MaxContentLength is > 0 and var max ? max : TaxiiConfig.DefaultMaxContentLength,
            dto.MaxPageSize is > 0 and var page ? page : TaxiiConfig.DefaultMaxPageSize);
    }

    private static CollectionInfo ToCollection(CollectionDto c, string source)
    {
        if (!Guid.TryParseExact(c.Id, "D", out var id))
        {
            throw new InvalidDataException($"TAXII config '{source}': collection id '{c.Id}' is not a UUID");
        }

        return new CollectionInfo(id.ToString("D"), c.Title ?? id.ToString("D"), c.Description);
    }

    private static TokenGrant ToGrant(TokenDto t, HashSet<string> collections, string source)
    {
        if (string.IsNullOrWhiteSpace(t.Name))
        {
            throw new InvalidDataException($"TAXII config '{source}': every token needs a 'name'");
        }

        if (string.IsNullOrWhiteSpace(t.Token) || t.Token.Length < 16)
        {
            throw new InvalidDataException($"TAXII config '{source}': token '{t.Name}' must be at least 16 characters");
        }

        var read = Normalise(t.Read, collections, t.Name, source);
        var write = Normalise(t.Write, collections, t.Name, source);
        return new TokenGrant(t.Token, t.Name, read, write);
    }

    private static HashSet<string> Normalise(IReadOnlyList<string>? ids, HashSet<string> known, string? name, string source)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in ids ?? [])
        {
            if (!known.Contains(id))
            {
                throw new InvalidDataException($"TAXII config '{source}': token '{name}' names unknown collection '{id}'");
            }

            set.Add(id);
        }

        return set;
    }

    private sealed record ConfigDto(
        string? ApiRoot,
        string? Title,
        IReadOnlyList<CollectionDto>? Collections,
        IReadOnlyList<TokenDto>? Tokens,
        long? MaxContentLength,
        int? MaxPageSize);

    private sealed record CollectionDto(string? Id, string? Title, string? Description);

    private sealed record TokenDto(
        string? Token,
        string? Name,
        [property: JsonPropertyName("read")] IReadOnlyList<string>? Read,
        [property: JsonPropertyName("write")] IReadOnlyList<string>? Write);
}
