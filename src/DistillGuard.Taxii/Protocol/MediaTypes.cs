using Microsoft.Net.Http.Headers;

namespace DistillGuard.Taxii.Protocol;

/// <summary>The TAXII 2.1 and STIX 2.1 media types and the one check of Accept and Content-Type against them.</summary>
public static class MediaTypes
{
    public const string Taxii = "application/taxii+json;version=2.1";
    public const string Stix = "application/stix+json;version=2.1";

    /// <summary>True when an Accept header admits TAXII 2.1 JSON (version 2.1 or unversioned, meaning the latest).</summary>
    public static bool AcceptsTaxii(IList<string>? accept)
    {
        if (accept is null || accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var values))
        {
            return false;
        }

        return values.Any(IsTaxii21);
    }

    /// <summary>True when a Content-Type header is TAXII 2.1 JSON.</summary>
    public static bool IsTaxiiContent(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var value) && IsTaxii21(value);

    private static bool IsTaxii21(MediaTypeHeaderValue value)
    {
        if (!value.MediaType.Equals("application/taxii+json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var version = value.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase));
        return version is null || version.Value.Equals("2.1", StringComparison.Ordinal);
    }
}
