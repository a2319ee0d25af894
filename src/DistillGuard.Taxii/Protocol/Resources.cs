namespace DistillGuard.Taxii.Protocol;

/// <summary>TAXII 2.1 discovery resource (§4.1.1).</summary>
public sealed record DiscoveryResource(string Title, string? Description, string Default, IReadOnlyList<string> ApiRoots);

/// <summary>TAXII 2.1 API root resource (§4.2.1).</summary>
public sealed record ApiRootResource(string Title, string? Description, IReadOnlyList<string> Versions, long MaxContentLength);

/// <summary>TAXII 2.1 collection resource (§5.2.1), with the caller's rights.</summary>
public sealed record CollectionResource(string Id, string Title, string? Description, bool CanRead, bool CanWrite, IReadOnlyList<string> MediaTypes);

/// <summary>TAXII 2.1 collections resource (§5.1.1).</summary>
public sealed record CollectionsResource(IReadOnlyList<CollectionResource> Collections);

/// <summary>One object version in a manifest (§5.3.1).</summary>
public sealed record ManifestRecord(string Id, string DateAdded, string Version, string MediaType);

/// <summary>One object in a status resource's successes or failures.</summary>
public sealed record StatusDetail(string Id, string? Version, string? Message);

/// <summary>TAXII 2.1 status resource (§4.3.1): the outcome of one POST of objects.</summary>
public sealed record StatusResource(
    string Id,
    string Status,
    string RequestTimestamp,
    int TotalCount,
    int SuccessCount,
    IReadOnlyList<StatusDetail> Successes,
    int FailureCount,
    IReadOnlyList<StatusDetail> Failures,
    int PendingCount,
    IReadOnlyList<StatusDetail> Pendings);

/// <summary>TAXII 2.1 error message (§3.6.1).</summary>
public sealed record ErrorResource(string Title, string? Description, string HttpStatus);
