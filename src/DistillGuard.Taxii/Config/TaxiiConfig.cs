namespace DistillGuard.Taxii.Config;

/// <summary>One collection the server offers: a TAXII 2.1 collection resource without the per-token flags.</summary>
public sealed record CollectionInfo(string Id, string Title, string? Description);

/// <summary>One bearer token and the collections it may read and write.</summary>
public sealed record TokenGrant(string Token, string Name, IReadOnlySet<string> Read, IReadOnlySet<string> Write)
{
    public bool CanRead(string collectionId) => Read.Contains(collectionId);

    public bool CanWrite(string collectionId) => Write.Contains(collectionId);
}

/// <summary>The server's validated configuration: its API root, collections, tokens and limits.</summary>
public sealed record TaxiiConfig(
    string ApiRoot,
    string Title,
    IReadOnlyList<CollectionInfo> Collections,
    IReadOnlyList<TokenGrant> Tokens,
    long MaxContentLength,
    int MaxPageSize)
{
    /// <summary>The API root's path segment when the file names none.</summary>
    public const string DefaultApiRoot = "distillguard";

    /// <summary>Largest accepted POST body when the file names none (10 MiB).</summary>
    public const long DefaultMaxContentLength = 10 * 1024 * 1024;

    /// <summary>Largest page when the file names none; a client's <c>limit</c> is capped to it.</summary>
    public const int DefaultMaxPageSize = 1000;

    public CollectionInfo? FindCollection(string id) =>
        Collections.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
}
