using DistillGuard.Taxii.Config;
using DistillGuard.Taxii.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DistillGuard.Taxii.Server;

/// <summary>
/// The one gate every request passes: a known bearer token (else 401 with
/// <c>WWW-Authenticate: Bearer</c>), an Accept header that admits TAXII 2.1 (else 406), and the
/// boundary where an unexpected fault becomes a logged 500 in the TAXII error format.
/// The grant is handed to endpoints as a request feature.
/// </summary>
internal sealed class TaxiiGate(TokenAuthenticator tokens, ILogger logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            var grant = tokens.Find(TokenAuthenticator.BearerToken(context.Request.Headers.Authorization));
            if (grant is null)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"taxii\"";
                await TaxiiResults.Error(StatusCodes.Status401Unauthorized, "authentication required", "send Authorization: Bearer <token>").ExecuteAsync(context);
                return;
            }

            if (!MediaTypes.AcceptsTaxii(context.Request.Headers.Accept))
            {
                await TaxiiResults.Error(StatusCodes.Status406NotAcceptable, "not acceptable", "Accept must admit " + MediaTypes.Taxii).ExecuteAsync(context);
                return;
            }

            context.Features.Set(grant);
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "TAXII request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            await TaxiiResults.Error(StatusCodes.Status500InternalServerError, "internal error").ExecuteAsync(context);
        }
    }
}

/// <summary>Access to the caller's grant, set by <see cref="TaxiiGate"/>.</summary>
internal static class GrantExtensions
{
    public static TokenGrant Grant(this HttpContext context) =>
        context.Features.Get<TokenGrant>() ?? throw new InvalidOperationException("request passed no TAXII gate");
}
