using DistillGuard.Core.Hosting;
using DistillGuard.Service.Config;
using DistillGuard.Service.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistillGuard.Service.Server;

/// <summary>How to run a <see cref="ServiceServer"/>.</summary>
public sealed record ServiceServerOptions(ServiceConfig Config, string DatabasePath)
{
    /// <summary>Loopback only, plain HTTP (the contract's default); TLS is terminated by a proxy in front.</summary>
    public const string DefaultUrls = "http://127.0.0.1:9500";

    /// <summary>Semicolon-separated <c>http://</c> loopback URLs; port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Lowest level written to the console log.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}

/// <summary>
/// The online service (<c>distillguard serve</c>): Kestrel on loopback, the contract's endpoints behind bearer tokens and
/// roles, and an OpenAPI document generated from the endpoints.
/// </summary>
public sealed class ServiceServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ServiceRuntime runtime;

    private ServiceServer(WebApplication app, ServiceRuntime runtime, IReadOnlyList<Uri> addresses)
    {
        this.app = app;
        this.runtime = runtime;
        Addresses = addresses;
    }

    /// <summary>The addresses actually bound (with the real port when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The first bound address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => Addresses[0];

    public static async Task<ServiceServer> StartAsync(ServiceServerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var urls = LoopbackUrls.Parse(options.Urls);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.Config.MaxBodyBytes;
        });
        builder.WebHost.UseUrls(urls);
        builder.Services.AddRoutingCore();
        builder.Services.AddOpenApi(o => o.AddOperationTransformer<RolesInOpenApi>());
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(options.LogLevel);
        var app = builder.Build();
        var runtime = await ServiceRuntime.OpenAsync(options.Config, options.DatabasePath, options.Clock, app.Logger, ct);
        try
        {
            app.UseRouting();
            var sessions = new Ui.UiSessions(options.Clock, Ui.DashboardOptions.Default.SessionLifetime);
            app.Use(new Ui.UiGate(sessions).InvokeAsync);
            app.Use(new ServiceGate(new TokenRoles(options.Config.Tokens), app.Logger).InvokeAsync);
            ServiceEndpoints.Map(app, options.Config, runtime, options.Clock, sessions);
            await app.StartAsync(ct);
        }
        catch
        {
            await runtime.DisposeAsync();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return new ServiceServer(app, runtime, bound.Select(a => new Uri(a.EndsWith('/') ? a : a + "/")).ToArray());
    }

    /// <summary>Completes when the server stops (SIGINT/SIGTERM when hosted by the CLI, or <paramref name="ct"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct) => app.WaitForShutdownAsync(ct);

    /// <summary>Drains in-flight requests, then flushes and closes the store.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await runtime.DisposeAsync();
    }
}
