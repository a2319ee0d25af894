namespace DistillGuard.Taxii.Protocol;

/// <summary>Which versions of each object a query returns (<c>match[version]</c>).</summary>
public enum VersionSelection
{
    Last,
    First,
    All,
}

/// <summary>A validated object or manifest query: the TAXII filters, the page size and where to resume.</summary>
public sealed record ObjectQuery(
    string CollectionId,
    DateTimeOffset? AddedAfter,
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> Types,
    VersionSelection Versions,
    int Limit,
    PageCursor? After);

/// <summary>One stored object version as a page returns it.</summary>
public sealed record StoredObject(string Id, DateTimeOffset? Modified, DateTimeOffset DateAdded, long Sequence, string Json)
{
    /// <summary>The TAXII version of the object: modified, else (created or none) the date it was added.</summary>
    public DateTimeOffset Version => Modified ?? DateAdded;
}

/// <summary>One page of a query, with whether more follow.</summary>
public sealed record ObjectPage(IReadOnlyList<StoredObject> Objects, bool More)
{
    public PageCursor? Next => More && Objects.Count > 0 ? new PageCursor(Objects[^1].DateAdded, Objects[^1].Sequence) : null;
}
