using DistillGuard.Taxii.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DistillGuard.Taxii.Server;

/// <summary>Turns a request's query string into an <see cref="ObjectQuery"/>, or the reason it is malformed (a 400).</summary>
internal static class QueryParser
{
    public static (ObjectQuery? Query, string? Error) Parse(IQueryCollection q, string collectionId, int maxPageSize, string? objectId = null)
    {
        DateTimeOffset? addedAfter = null;
        if (Single(q, "added_after") is { } after)
        {
            if (!TaxiiTimestamp.TryParse(after, out var parsed))
            {
                return (null, "added_after is not a timestamp");
            }

            addedAfter = parsed;
        }

        var limit = maxPageSize;
        if (Single(q, "limit") is { } limitText)
        {
            if (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit < 1)
            {
                return (null, "limit must be a positive integer");
            }

            limit = Math.Min(limit, maxPageSize);
        }

        PageCursor? cursor = null;
        if (Single(q, "next") is { } next)
        {
            if (!PageCursor.TryDecode(next, out cursor))
            {
                return (null, "next is not a value this server returned");
            }
        }

        var versionValues = List(q, "match[version]");
        var versions = VersionSelection.Last;
        foreach (var v in versionValues)
        {
            VersionSelection? parsed = v switch
            {
                "last" => VersionSelection.Last,
                "first" => VersionSelection.First,
                "all" => VersionSelection.All,
                _ => null,
            };
            if (parsed is null)
            {
                return (null, "match[version] supports last, first and all");
            }

            // Two or more of last/first together cannot be one arg_max/arg_min: give every version.
            versions = versionValues.Length > 1 ? VersionSelection.All : parsed.Value;
        }

        if (List(q, "match[spec_version]").Any(v => v != "2.1"))
        {
            return (null, "this server holds spec_version 2.1 only");
        }

        var ids = objectId is null ? List(q, "match[id]") : [objectId];
        return (new ObjectQuery(collectionId, addedAfter, ids, List(q, "match[type]"), versions, limit, cursor), null);
    }

    private static string? Single(IQueryCollection q, string key) =>
        q.TryGetValue(key, out var values) && !StringValues.IsNullOrEmpty(values) ? values[^1] : null;

    private static string[] List(IQueryCollection q, string key) =>
        q.TryGetValue(key, out var values)
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToArray()
            : [];
}
