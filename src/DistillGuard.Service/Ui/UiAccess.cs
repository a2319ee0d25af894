using DistillGuard.Service.Config;
using DistillGuard.Service.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Ui;

/// <summary>
/// Endpoint metadata of a dashboard route: the roles whose session may use it. The bearer gate leaves these routes alone
/// (they are marked open to it, and kept out of the OpenAPI document); <see cref="UiGate"/> enforces the session and role.
/// </summary>
internal sealed record UiAccess(IReadOnlyList<Role> Roles);

internal static class UiAccessExtensions
{
    /// <summary>A dashboard page or form for a session of one of <paramref name="roles"/>.</summary>
    public static RouteHandlerBuilder ForSession(this RouteHandlerBuilder builder, params Role[] roles) =>
        builder.Open().ExcludeFromDescription().WithMetadata(new UiAccess(roles));

    /// <summary>A dashboard route anyone may reach (the login form, the stylesheet and the script).</summary>
    public static RouteHandlerBuilder Public(this RouteHandlerBuilder builder) => builder.Open().ExcludeFromDescription();
}
