using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Ui;

/// <summary>
/// Every request under <c>/ui</c> passes here after routing: the security headers and the server time
/// (<c>Server-Timing: app;dur=MS</c>, what bench/dashboard-pages.sh reads); then, for a route with <see cref="UiAccess"/>,
/// a live session (else a GET is sent to the login page and anything else gets 401), a role the route allows (else 403),
/// and for a POST the session's form token (else 403).
/// </summary>
internal sealed class UiGate(UiSessions sessions)
{
    public const string Prefix = "/ui";
    public const string FormTokenField = "_form_token";

    /// <summary>Scripts and styles from the service itself only: no inline script, no other origin, never framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            headers["Server-Timing"] = "app;dur=" + Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        var access = context.GetEndpoint()?.Metadata.GetMetadata<UiAccess>();
        if (access is null)
        {
            await next(context);
            return;
        }

        var session = sessions.Find(context.Request.Cookies[UiSessions.Cookie]);
        if (session is null)
        {
            await (HttpMethods.IsGet(context.Request.Method)
                ? Results.Redirect(UiPaths.Login(context.Request.Path + context.Request.QueryString))
                : Results.Text("log in first", statusCode: StatusCodes.Status401Unauthorized)).ExecuteAsync(context);
            return;
        }

        if (!access.Roles.Contains(session.Role))
        {
            await Results.Text("your role may not do this", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !(context.Request.HasFormContentType && session.Accepts((await context.Request.ReadFormAsync(context.RequestAborted))[FormTokenField])))
        {
            await Results.Text("the form token is missing or wrong: reload the page", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }

        context.Features.Set(session);
        await next(context);
    }
}
