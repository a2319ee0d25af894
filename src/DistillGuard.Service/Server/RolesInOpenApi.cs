using System.Text.Json.Nodes;
using DistillGuard.Service.Config;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DistillGuard.Service.Server;

/// <summary>
/// Writes each operation's roles into the generated OpenAPI document as <c>x-roles</c> (an empty array for an open
/// endpoint) and into its description, from the same <see cref="AllowedRoles"/> the gate enforces.
/// </summary>
internal sealed class RolesInOpenApi : IOpenApiOperationTransformer
{
    public const string Extension = "x-roles";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = new Microsoft.AspNetCore.Http.EndpointMetadataCollection(context.Description.ActionDescriptor.EndpointMetadata);
        var roles = AllowedRoles.IsOpen(metadata) ? [] : AllowedRoles.Of(metadata).Roles.Select(r => r.ToContract()).ToArray();
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(new JsonArray([.. roles.Select(r => (JsonNode)r)]));
        var who = roles.Length == 0 ? "Open: no token needed." : "Roles: " + string.Join(", ", roles) + ".";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? who : operation.Description + " " + who;
        return Task.CompletedTask;
    }
}
