using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DistillGuard.Taxii.Protocol;
using DistillGuard.Taxii.Server;

namespace DistillGuard.Taxii.Tests;

/// <summary>A real TAXII server on 127.0.0.1 with a free port and a fresh DuckDB file, and an HttpClient for it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly string folder;

    private RunningServer(TaxiiServer server, string folder, ManualClock clock)
    {
        Server = server;
        this.folder = folder;
        Clock = clock;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public TaxiiServer Server { get; }

    public HttpClient Http { get; }

    public ManualClock Clock { get; }

    public string Objects(string collection = Some.Campaigns) => $"{Server.BaseAddress}distillguard/collections/{collection}/objects/";

    public static async Task<RunningServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dg-taxii-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var clock = new ManualClock(Some.Start);
        var options = new TaxiiServerOptions(Some.Config(), Path.Combine(folder, "taxii.duckdb"))
        {
            Urls = "http://127.0.0.1:0",
            Clock = clock,
        };
        return new RunningServer(await TaxiiServer.StartAsync(options, CancellationToken.None), folder, clock);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token = Some.WriterToken, string accept = MediaTypes.Taxii)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string body, string? token = Some.WriterToken, string contentType = MediaTypes.Taxii)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.TryAddWithoutValidation("Accept", MediaTypes.Taxii);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await Http.SendAsync(request);
    }

    /// <summary>GETs and parses a 200 response's JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, string? token = Some.WriterToken)
    {
        using var response = await GetAsync(path, token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MediaTypes.Taxii, response.Content.Headers.ContentType?.ToString().Replace(" ", "", StringComparison.Ordinal));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>POSTs an envelope and parses the 202 status resource.</summary>
    public async Task<JsonElement> PostObjectsAsync(string envelope, string collection = Some.Campaigns)
    {
        using var response = await PostAsync(Objects(collection), envelope);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
