using DistillGuard.Service.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Server;

/// <summary>
/// Endpoint metadata: the roles that may call an endpoint. The gate enforces it and the OpenAPI document publishes it
/// (<c>x-roles</c>), from this one value. An endpoint without it is open only when marked <see cref="Open"/>;
/// an endpoint someone forgot to mark is admin-only, never open.
/// </summary>
public sealed record AllowedRoles(IReadOnlyList<Role> Roles)
{
    /// <summary>What an endpoint with no <see cref="AllowedRoles"/> and no <see cref="OpenEndpoint"/> requires.</summary>
    public static AllowedRoles Default { get; } = new([Role.Admin]);

    public static AllowedRoles Of(EndpointMetadataCollection? metadata) =>
        metadata?.GetMetadata<AllowedRoles>() ?? Default;

    public static bool IsOpen(EndpointMetadataCollection? metadata) => metadata?.GetMetadata<OpenEndpoint>() is not null;
}

/// <summary>Endpoint metadata: the endpoint needs no token (health and the OpenAPI document).</summary>
public sealed record OpenEndpoint;

/// <summary>Marks endpoints with the roles that may call them.</summary>
public static class AllowedRolesExtensions
{
    public static TBuilder For<TBuilder>(this TBuilder builder, params Role[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowedRoles(roles));

    public static TBuilder Open<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OpenEndpoint());
}
