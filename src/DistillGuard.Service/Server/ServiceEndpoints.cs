using DistillGuard.Service.Config;
using DistillGuard.Service.Ingest;
using DistillGuard.Service.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DistillGuard.Service.Server;

/// <summary>The contract's endpoints (shared/spec/SERVICE.md) and the roles each allows.</summary>
internal static class ServiceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ServiceConfig config, ServiceRuntime runtime, TimeProvider clock)
    {
        app.MapOpenApi("/openapi.json").Open();
        app.MapGet("/healthz", () => ServiceResults.Ok(new Health("ok")))
            .Open().WithSummary("200 {\"status\":\"ok\"} once the service is ready");

        var ingest = new IngestEndpoint(config, runtime.Writer, clock);
        app.MapPost("/v1/exchanges", (Func<HttpContext, Task<IResult>>)ingest.PostAsync)
            .For(Role.Gateway, Role.Admin)
            .WithSummary("Ingest exchanges: application/x-ndjson (one a line) or application/json (an array); {accepted, rejected, duplicates, rejects[{index, reason}]}");

        app.MapGet("/v1/status", async (CancellationToken ct) => ServiceResults.Ok(await runtime.Accounts.WithAsync(
                held => new StatusReply(held.Accounts, runtime.Accounts.Exchanges, runtime.Journal.Count), ct)))
            .For(Role.Analyst, Role.Admin)
            .WithSummary("Accounts and exchanges held, and records journalled");
    }

    private sealed record Health(string Status);

    /// <summary>What the service holds.</summary>
    private sealed record StatusReply(int Accounts, long Exchanges, long JournalRecords);
}
