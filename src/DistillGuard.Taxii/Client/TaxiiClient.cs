using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistillGuard.Taxii.Protocol;

namespace DistillGuard.Taxii.Client;

/// <summary>The counts a server's status resource reports for one push.</summary>
public sealed record PushOutcome(int Total, int Succeeded, int Failed, IReadOnlyList<string> Failures);

/// <summary>
/// A TAXII 2.1 client for one job: push a STIX bundle's objects into a collection, or pull a
/// collection (following <c>next</c> until <c>more</c> is false) back into one STIX bundle.
/// A refused request is a <see cref="TaxiiClientException"/> with the server's status and message.
/// </summary>
public sealed class TaxiiClient(HttpClient http)
{
    /// <summary>Most pages a pull follows before it gives up; a guard against a server that never says more=false.</summary>
    public const int MaxPages = 100_000;

    /// <summary>Posts the <c>objects</c> of <paramref name="bundleJson"/> (a STIX bundle or envelope) as one envelope.</summary>
    public async Task<PushOutcome> PushAsync(Uri server, string apiRoot, string collectionId, string token, string bundleJson, CancellationToken ct)
    {
        var objects = ObjectsOf(bundleJson);
        var envelope = new JsonObject { ["objects"] = objects };
        using var request = Request(HttpMethod.Post, CollectionUri(server, apiRoot, collectionId, "objects/"), token);
        request.Content = new StringContent(envelope.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(MediaTypes.Taxii);
        using var response = await SendAsync(request, ct);
        using var status = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), default, ct);
        var root = status.RootElement;
        var failures = root.TryGetProperty("failures", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(Describe).ToArray()
            : [];
        return new PushOutcome(Int(root, "total_count"), Int(root, "success_count"), Int(root, "failure_count"), failures);
    }

    /// <summary>Every object in the collection (added after <paramref name="addedAfter"/>, if given), as one STIX bundle.</summary>
    public async Task<string> PullAsync(Uri server, string apiRoot, string collectionId, string token, DateTimeOffset? addedAfter, CancellationToken ct, int? pageSize = null)
    {
        var objects = new JsonArray();
        string? next = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = new List<string>();
            if (addedAfter is { } after)
            {
                query.Add("added_after=" + Uri.EscapeDataString(TaxiiTimestamp.Format(after)));
            }

            if (pageSize is { } limit)
            {
                query.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
            }

            if (next is not null)
            {
                query.Add("next=" + Uri.EscapeDataString(next));
            }

            var uri = CollectionUri(server, apiRoot, collectionId, "objects/" + (query.Count == 0 ? "" : "?" + string.Join('&', query)));
            using var request = Request(HttpMethod.Get, uri, token);
            using var response = await SendAsync(request, ct);
            var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) as JsonObject
                ?? throw new TaxiiClientException(uri, (int)response.StatusCode, "the server answered something other than an envelope");
            if (envelope["objects"] is JsonArray items)
            {
                foreach (var item in items.ToArray())
                {
                    items.Remove(item);
                    objects.Add(item);
                }
            }

            var more = envelope["more"]?.GetValue<bool>() ?? false;
            var following = envelope["next"]?.GetValue<string>();
            if (!more)
            {
                return Bundle(objects);
            }

            if (following is null || following == next)
            {
                throw new TaxiiClientException(uri, (int)response.StatusCode, "the server said more=true without a new 'next'");
            }

            next = following;
        }

        throw new TaxiiClientException(CollectionUri(server, apiRoot, collectionId, "objects/"), 200, $"more than {MaxPages} pages");
    }

    private static string Bundle(JsonArray objects) => new JsonObject
    {
        ["type"] = "bundle",
        ["id"] = "bundle--" + Guid.NewGuid().ToString("D"),
        ["objects"] = objects,
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonArray ObjectsOf(string bundleJson)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bundleJson);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("the bundle is not JSON: " + ex.Message, ex);
        }

        if (node is not JsonObject bundle || bundle["objects"] is not JsonArray objects)
        {
            throw new InvalidDataException("the bundle has no 'objects' array");
        }

        bundle.Remove("objects");
        return objects;
    }

    private static Uri CollectionUri(Uri server, string apiRoot, string collectionId, string rest) =>
        new(server, $"/{Uri.EscapeDataString(apiRoot.Trim('/'))}/collections/{Uri.EscapeDataString(collectionId)}/{rest}");

    private static HttpRequestMessage Request(HttpMethod method, Uri uri, string token)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(MediaTypes.Taxii));
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new TaxiiClientException(request.RequestUri!, (int)response.StatusCode, ErrorText(body));
        }
    }

    private static string ErrorText(string body)
    {
        try
        {
            using var error = JsonDocument.Parse(body);
            var title = error.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            var description = error.RootElement.TryGetProperty("description", out var d) ? d.GetString() : null;
            return string.Join(": ", new[] { title, description }.Where(s => !string.IsNullOrEmpty(s)));
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }

    private static string Describe(JsonElement detail) =>
        $"{(detail.TryGetProperty("id", out var id) ? id.GetString() : "")}: {(detail.TryGetProperty("message", out var m) ? m.GetString() : "")}";

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;
}

/// <summary>A TAXII server refused a request: the URL, the HTTP status and the server's own message.</summary>
public sealed class TaxiiClientException : IOException
{
    public TaxiiClientException()
    {
    }

    public TaxiiClientException(string message)
        : base(message)
    {
    }

    public TaxiiClientException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TaxiiClientException(Uri uri, int status, string message)
        : base($"TAXII server answered {status} for {uri}: {message}")
    {
        Status = status;
    }

    /// <summary>The HTTP status the server answered.</summary>
    public int Status { get; }
}
