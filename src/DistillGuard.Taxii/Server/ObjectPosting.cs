using System.Text.Json;
using DistillGuard.Taxii.Config;
using DistillGuard.Taxii.Protocol;
using DistillGuard.Taxii.Storage;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Taxii.Server;

/// <summary>
/// <c>POST .../objects/</c> (§5.5): checks the media type (415) and size (413), validates every
/// object in the envelope, stores the valid ones and answers a status resource that counts each.
/// Objects already held with the same id and version count as successes and are not stored twice.
/// </summary>
internal sealed class ObjectPosting(TaxiiConfig config, TaxiiObjectStore store, TimeProvider clock)
{
    public async Task<IResult> PostAsync(HttpContext context, string id)
    {
        var (collection, refusal) = TaxiiEndpoints.Authorise(config, context, id, write: true);
        if (collection is null)
        {
            return refusal!;
        }

        var request = context.Request;
        if (!MediaTypes.IsTaxiiContent(request.ContentType))
        {
            return TaxiiResults.Error(StatusCodes.Status415UnsupportedMediaType, "unsupported media type", "Content-Type must be " + MediaTypes.Taxii);
        }

        if (request.ContentLength > config.MaxContentLength)
        {
            return TooLarge();
        }

        var requested = clock.GetUtcNow();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (JsonException ex)
        {
            return TaxiiResults.Error(StatusCodes.Status400BadRequest, "body is not JSON", ex.Message);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("objects", out var objects)
                || objects.ValueKind != JsonValueKind.Array)
            {
                return TaxiiResults.Error(StatusCodes.Status400BadRequest, "not an envelope", "the body must be {\"objects\":[...]}");
            }

            var status = Store(collection.Id, objects, requested);
            var json = JsonSerializer.Serialize(status, TaxiiResults.Json);
            store.SaveStatus(status.Id, context.Grant().Name, json);
            return TaxiiResults.Raw(json, StatusCodes.Status202Accepted);
        }
    }

    private StatusResource Store(string collectionId, JsonElement objects, DateTimeOffset requested)
    {
        var validations = objects.EnumerateArray().Select(StixObjectValidator.Validate).ToArray();
        var valid = validations.Where(v => v.Value is not null).Select(v => v.Value!).ToArray();
        var added = store.Add(collectionId, valid);
        var successes = valid.Select((o, i) => new StatusDetail(o.Id, o.Modified is { } m ? TaxiiTimestamp.Format(m) : null, added[i] ? null : "already present")).ToArray();
        var failures = validations.Where(v => v.Value is null).Select(v => new StatusDetail(v.Id ?? "", null, v.Failure)).ToArray();
        return new StatusResource(
            Guid.NewGuid().ToString("D"),
            "complete",
            TaxiiTimestamp.Format(requested),
            validations.Length,
            successes.Length,
            successes,
            failures.Length,
            failures,
            0,
            []);
    }

    private IResult TooLarge() => TaxiiResults.Error(
        StatusCodes.Status413PayloadTooLarge, "request too large", $"the API root accepts at most {config.MaxContentLength} bytes");
}
