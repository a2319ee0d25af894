using System.Net.Http.Headers;
using System.Text.Json;
using DistillGuard.Cli.Replay;
using DistillGuard.Service.Config;
using DistillGuard.Service.Tests;
using Microsoft.Playwright;

namespace DistillGuard.Dashboard.Tests;

/// <summary>
/// One real <c>distillguard serve</c> process on loopback for a test class, fed by a replay of scenario <c>tiny</c> plus a
/// few records whose user agent, account id and model carry script, and one headless Chromium (Debian's, at
/// <see cref="ChromiumPath"/>) to drive it.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime, IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>An account id, a user agent and a model name that would run script if any page wrote them as markup.</summary>
    public const string HostileAccount = "acct-<script>alert('account')</script>";
    public const string HostileUserAgent = "<img src=x onerror=alert('ua')><script>alert('ua')</script>";
    public const string HostileModel = "m<svg onload=alert('model')>";

    private readonly TempDir dir = new();
    private ServeProcess? server;
    private IPlaywright? playwright;

    internal ServeProcess Service => server ?? throw new InvalidOperationException("not started");

    public IBrowser Browser { get; private set; } = null!;

    public string DatabasePath => dir["service.duckdb"];

    public string Folder => dir.Path;

    /// <summary>The campaigns as the API lists them, biggest first.</summary>
    public IReadOnlyList<JsonElement> Campaigns { get; private set; } = [];

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: the browser tests drive Debian's chromium (apt-get install -y chromium; .ci/run installs it). Nothing is downloaded.");
        }

        var simulated = TinyScenario.Simulate(dir["data"]);
        await File.WriteAllTextAsync(dir["service.json"], Some.ConfigJson());
        server = await ServeProcess.StartAsync(dir["service.json"], DatabasePath);
        using var http = new HttpClient { BaseAddress = server.Http.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Some.Tokens[Role.Admin]);
        var lines = await TimedLines.ReadAsync(simulated.ExchangesPath, CancellationToken.None);
        await LogReplay.RunAsync(lines, new ServiceClient(http), ReplayOptions.Default with { RelinkEvery = TimeSpan.FromHours(6) }, null, CancellationToken.None);

        var hostile = Enumerable.Range(0, 3).Select(i => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["event_id"] = "hostile-" + i,
            ["timestamp"] = $"2026-04-23T1{i}:00:00Z",
            ["account_id"] = HostileAccount,
            ["model"] = HostileModel,
            ["user_agent"] = HostileUserAgent,
            ["prompt"] = "<script>alert('prompt')</script> explain step by step",
            ["input_tokens"] = 20,
            ["output_tokens"] = 400,
        }));
        await server.JsonAsync(HttpMethod.Post, "/v1/exchanges", Role.Gateway, Some.Ndjson(hostile), "application/x-ndjson");
        await server.JsonAsync(HttpMethod.Post, "/v1/relink", Role.Admin);
        var campaigns = await server.JsonAsync(HttpMethod.Get, "/v1/campaigns", Role.Analyst);
        Campaigns = [.. campaigns.EnumerateArray().OrderByDescending(c => c.GetProperty("accounts").GetArrayLength()).ThenByDescending(c => c.GetProperty("exchanges").GetInt64())];

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>
    /// Stops the service (SIGTERM: it drains and closes its store), runs <paramref name="work"/> on the store, and starts
    /// it again on the same store (a new port; sessions do not survive, so log in again). DuckDB lets one process hold
    /// the file, which is why <c>train --db</c> runs on a stopped service's store.
    /// </summary>
    public async Task WhileStoppedAsync(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Assert.Equal(0, await Service.TerminateAsync());
        await Service.DisposeAsync();
        server = null;
        try
        {
            await work();
        }
        finally
        {
            server = await ServeProcess.StartAsync(dir["service.json"], DatabasePath);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => dir.Dispose();
}
