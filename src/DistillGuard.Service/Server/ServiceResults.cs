using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Server;

/// <summary>JSON replies in the contract's snake_case; attacker text only ever appears as JSON string data.</summary>
internal static class ServiceResults
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    /// <summary>
    /// For JSON stored as text in an audit entry's detail: the same names, with quotes, apostrophes and angle brackets kept
    /// as written (legal staff read it). It is only ever shown as data: a JSON string in replies, encoded text on the pages.
    /// </summary>
    public static readonly JsonSerializerOptions StoredDetail = new(Json)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok<T>(T value) => Results.Json(value, Json);

    public static IResult Error(int status, string error) => Results.Json(new ErrorBody(error), Json, statusCode: status);

    /// <summary>
    /// A JSON request body read as <typeparamref name="T"/>: the value, or the reply that refuses it (400 naming
    /// <paramref name="what"/> for a body that is not one, 413 for a body over the configured limit).
    /// </summary>
    public static async Task<(T? Value, IResult? Refusal)> ReadJsonAsync<T>(HttpContext context, string what)
    {
        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted), null);
        }
        catch (JsonException ex)
        {
            return (default, Error(StatusCodes.Status400BadRequest, $"the body is not {what}: " + ex.Message));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, Error(StatusCodes.Status413PayloadTooLarge, "the body is over the limit (max_body_bytes)"));
        }
    }

    /// <summary>The body of every refusal.</summary>
    public sealed record ErrorBody(string Error);
}
