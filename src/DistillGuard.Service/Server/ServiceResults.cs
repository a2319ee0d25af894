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

    public static IResult Ok<T>(T value) => Results.Json(value, Json);

    public static IResult Error(int status, string error) => Results.Json(new ErrorBody(error), Json, statusCode: status);

    /// <summary>The body of every refusal.</summary>
    public sealed record ErrorBody(string Error);
}
