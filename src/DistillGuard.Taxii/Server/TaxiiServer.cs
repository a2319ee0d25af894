using DistillGuard.Core.Hosting;
using DistillGuard.Taxii.Config;
using DistillGuard.Taxii.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DistillGuard.Taxii.Server;

/// <summary>How to run a <see cref="TaxiiServer"/>.</summary>
public sealed record TaxiiServerOptions(TaxiiConfig Config, string DatabasePath)
{
    /// <summary>Loopback only, plain HTTP: in production TLS is terminated by a proxy in front.</summary>
    public const string DefaultUrls = "http://127.0.0.1:9400";

    /// <summary>Semicolon-separated <c>http://</c> loopback URLs; port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>The clock that stamps <c>date_added</c>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Lowest level written to the console log.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
}

/// <summary>
/// A minimal TAXII 2.1 server over Kestrel and a DuckDB object store. It listens on plain HTTP on
/// loopback addresses only; TLS and any exposure beyond the host belong to a proxy in front of it.
/// </summary>
public sealed class TaxiiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TaxiiObjectStore store;

    private TaxiiServer(WebApplication app, TaxiiObjectStore store, IReadOnlyList<Uri> addresses)
    {
        this.app = app;
        this.store = store;
        Addresses = addresses;
    }

    /// <summary>The addresses actually bound (with the real port when 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The first bound address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => Addresses[0];

    public static async Task<TaxiiServer> StartAsync(TaxiiServerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var urls = LoopbackUrls.Parse(options.Urls);
        var store = new TaxiiObjectStore(options.DatabasePath, options.Clock);
        try
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Limits.MaxRequestBodySize = options.Config.MaxContentLength;
            });
            builder.WebHost.UseUrls(urls);
            builder.Services.AddRoutingCore();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(options.LogLevel);
            var app = builder.Build();
            var gate = new TaxiiGate(new TokenAuthenticator(options.Config.Tokens), app.Logger);
            app.Use(gate.InvokeAsync);
            app.UseRouting();
            new TaxiiEndpoints(options.Config, store, options.Clock).Map(app);
            await app.StartAsync(ct);
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            return new TaxiiServer(app, store, bound.Select(a => new Uri(a.EndsWith('/') ? a : a + "/")).ToArray());
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Completes when the server stops (Ctrl+C when hosted by the CLI, or <paramref name="ct"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct) => app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        store.Dispose();
    }
}
