using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DistillGuard.Taxii.Protocol;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Taxii.Server;

/// <summary>Responses in the TAXII media type: resources, envelopes, manifests and error messages.</summary>
internal static class TaxiiResults
{
    public const string DateAddedFirst = "X-TAXII-Date-Added-First";
    public const string DateAddedLast = "X-TAXII-Date-Added-Last";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IResult Resource<T>(T value, int status = StatusCodes.Status200OK) =>
        new Result(status, JsonSerializer.SerializeToUtf8Bytes(value, Json), []);

    /// <summary>A resource already serialised as JSON.</summary>
    public static IResult Raw(string json, int status = StatusCodes.Status200OK) =>
        new Result(status, System.Text.Encoding.UTF8.GetBytes(json), []);

    public static IResult Error(int status, string title, string? description = null) =>
        Resource(new ErrorResource(title, description, status.ToString(CultureInfo.InvariantCulture)), status);

    /// <summary>An envelope: the objects as stored, byte for byte, with <c>more</c> and <c>next</c>.</summary>
    public static IResult Envelope(ObjectPage page) => Paged(page, writer =>
    {
        foreach (var o in page.Objects)
        {
            writer.WriteRawValue(o.Json, skipInputValidation: true);
        }
    });

    public static IResult Manifest(ObjectPage page) => Paged(page, writer =>
    {
        foreach (var o in page.Objects)
        {
            JsonSerializer.Serialize(writer, new ManifestRecord(o.Id, TaxiiTimestamp.Format(o.DateAdded), TaxiiTimestamp.Format(o.Version), MediaTypes.Stix), Json);
        }
    });

    private static Result Paged(ObjectPage page, Action<Utf8JsonWriter> writeObjects)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("more", page.More);
            if (page.Next is { } next)
            {
                writer.WriteString("next", next.Encode());
            }

            if (page.Objects.Count > 0)
            {
                writer.WriteStartArray("objects");
                writeObjects(writer);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        var headers = page.Objects.Count == 0
            ? Array.Empty<(string, string)>()
            : [(DateAddedFirst, TaxiiTimestamp.Format(page.Objects[0].DateAdded)), (DateAddedLast, TaxiiTimestamp.Format(page.Objects[^1].DateAdded))];
        return new Result(StatusCodes.Status200OK, buffer.ToArray(), headers);
    }

    private sealed class Result(int status, byte[] body, (string Name, string Value)[] headers) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = MediaTypes.Taxii;
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }

            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
