using DistillGuard.Core.Hosting;
using DistillGuard.Service.Config;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DistillGuard.Service.Server;

/// <summary>
/// The one gate every routed request passes, after routing: the endpoint's roles (<see cref="AllowedRoles"/>), a known
/// bearer token (else 401 with <c>WWW-Authenticate: Bearer</c>), a role the endpoint allows (else 403), and the boundary
/// where an unexpected fault becomes a logged 500 that carries no detail.
/// </summary>
internal sealed class ServiceGate(TokenRoles tokens, ILogger logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            var metadata = context.GetEndpoint()?.Metadata;
            if (metadata is not null && !AllowedRoles.IsOpen(metadata))
            {
                // A bearer token, or the x-api-key header that LiteLLM's guardrail client and an Envoy headers_to_add send.
                var token = tokens.Find(BearerHeader.Token(context.Request.Headers.Authorization)) ?? tokens.Find(ApiKey(context.Request.Headers));
                if (token is null)
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer realm=\"distillguard\"";
                    await ServiceResults.Error(StatusCodes.Status401Unauthorized, "authentication required: send Authorization: Bearer <token>").ExecuteAsync(context);
                    return;
                }

                if (!AllowedRoles.Of(metadata).Roles.Contains(token.Role))
                {
                    await ServiceResults.Error(StatusCodes.Status403Forbidden, $"role '{token.Role.ToContract()}' may not use this endpoint").ExecuteAsync(context);
                    return;
                }

                context.Features.Set(token);
            }

            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            logger.LogError(ex, "request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            await ServiceResults.Error(StatusCodes.Status500InternalServerError, "internal error").ExecuteAsync(context);
        }
    }

    private static string? ApiKey(IHeaderDictionary headers) => headers["x-api-key"].ToString() is { Length: > 0 } key ? key.Trim() : null;
}
