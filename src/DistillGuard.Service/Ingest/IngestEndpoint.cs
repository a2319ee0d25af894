using DistillGuard.Ingest;
using DistillGuard.Service.Config;
using DistillGuard.Service.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DistillGuard.Service.Ingest;

/// <summary>
/// <c>POST /v1/exchanges</c>: reads the body (413 over the limit), splits it into records (JSON Lines, or a JSON array
/// with <c>application/json</c>), validates each with the batch path's validator and hands the valid ones to the writer
/// (429 with Retry-After when its queue is full). The reply counts every record sent exactly once.
/// </summary>
internal sealed class IngestEndpoint(ServiceConfig config, IngestWriter writer, TimeProvider clock)
{
    public async Task<IResult> PostAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > config.MaxBodyBytes)
        {
            return TooLarge();
        }

        var jsonArray = IsJson(request.ContentType);
        if (jsonArray is null)
        {
            return ServiceResults.Error(StatusCodes.Status415UnsupportedMediaType, "send application/x-ndjson (one exchange a line) or application/json (an array of exchanges)");
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        var (batch, error) = ExchangeBatch.Read(body, jsonArray.Value, TimestampWindow.Until(clock.GetUtcNow()));
        if (batch is null)
        {
            return ServiceResults.Error(StatusCodes.Status400BadRequest, error!);
        }

        var reply = writer.TrySubmit(batch);
        if (reply is null)
        {
            context.Response.Headers.RetryAfter = config.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ServiceResults.Error(StatusCodes.Status429TooManyRequests, "the ingest queue is full; none of this batch was kept, send it again later");
        }

        try
        {
            return ServiceResults.Ok(await reply);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logged by the writer; the client learns that nothing of the batch was kept.
            return ServiceResults.Error(StatusCodes.Status503ServiceUnavailable, "the store could not take the batch; none of it was kept");
        }
    }

    /// <summary>True for a JSON array body, false for JSON Lines, null for a media type this endpoint does not read.</summary>
    private static bool? IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }

        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            "application/json" => true,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" or "application/x-jsonlines" or "text/plain" => false,
            _ => null,
        };
    }

    private IResult TooLarge() =>
        ServiceResults.Error(StatusCodes.Status413PayloadTooLarge, $"the body is over the limit of {config.MaxBodyBytes} bytes (max_body_bytes)");
}
