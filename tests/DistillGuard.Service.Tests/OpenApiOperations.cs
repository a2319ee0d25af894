using System.Text.Json;

namespace DistillGuard.Service.Tests;

/// <summary>One operation of the service's OpenAPI document and the roles it names (<c>x-roles</c>; empty when open).</summary>
internal sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<string> Roles)
{
    /// <summary>The path with every <c>{parameter}</c> filled with a harmless value.</summary>
    public string Concrete => System.Text.RegularExpressions.Regex.Replace(Path, "\\{[^}]+\\}", "x");
}

/// <summary>Reads every operation out of an OpenAPI 3 document.</summary>
internal static class OpenApiOperations
{
    public static IReadOnlyList<OpenApiOperation> Read(JsonElement document)
    {
        var list = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var roles = operation.Value.TryGetProperty("x-roles", out var r)
                    ? r.EnumerateArray().Select(e => e.GetString()!).ToArray()
                    : throw new InvalidOperationException($"{operation.Name} {path.Name} names no x-roles");
                list.Add(new OpenApiOperation(operation.Name.ToUpperInvariant(), path.Name, roles));
            }
        }

        return list;
    }
}
