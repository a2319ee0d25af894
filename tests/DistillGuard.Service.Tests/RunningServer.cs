using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DistillGuard.Service.Config;
using DistillGuard.Service.Server;

namespace DistillGuard.Service.Tests;

/// <summary>A real service on 127.0.0.1 with a free port over a DuckDB file, and an HttpClient for it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(ServiceServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
    }

    public ServiceServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<RunningServer> StartAsync(string database, ServiceConfig? config = null) =>
        new(await ServiceServer.StartAsync(new ServiceServerOptions(config ?? Some.Config(), database) { Urls = "http://127.0.0.1:0" }, CancellationToken.None));

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? body = null, string contentType = "application/json") =>
        Http.SendAsync(method, path, token, body, contentType);

    public Task<HttpResponseMessage> GetAsync(string path, Role role) => SendAsync(HttpMethod.Get, path, Some.Tokens[role]);

    public Task<HttpResponseMessage> PostAsync(string path, Role role, string body, string contentType = "application/json") =>
        SendAsync(HttpMethod.Post, path, Some.Tokens[role], body, contentType);

    /// <summary>Sends, asserts a 200 and parses the JSON reply.</summary>
    public Task<JsonElement> JsonAsync(HttpMethod method, string path, Role role, string? body = null, string contentType = "application/json") =>
        Http.JsonAsync(method, path, role, body, contentType);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Calls to a service on loopback, in process (<see cref="RunningServer"/>) or a child process (<see cref="ServeProcess"/>).</summary>
internal static class ServiceCalls
{
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string path, string? token, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await http.SendAsync(request);
    }

    /// <summary>Sends with the role's token, asserts a 200 and parses the JSON reply.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpClient http, HttpMethod method, string path, Role role, string? body = null, string contentType = "application/json")
    {
        using var response = await http.SendAsync(method, path, Some.Tokens[role], body, contentType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
