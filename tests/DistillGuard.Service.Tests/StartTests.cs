using System.Net;
using System.Text.Json;
using DistillGuard.Cli;
using DistillGuard.Service.Server;

namespace DistillGuard.Service.Tests;

/// <summary>The service starts on loopback only, answers health and publishes its OpenAPI document.</summary>
[Collection(InProcessCommandLine.Name)]
public sealed class StartTests
{
    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://10.1.2.3:9500")]
    [InlineData("https://127.0.0.1:0")]
    public async Task AListenUrlOffLoopbackIsRefused(string url)
    {
        using var dir = new TempDir();
        await Assert.ThrowsAsync<ArgumentException>(() =>
            ServiceServer.StartAsync(new ServiceServerOptions(Some.Config(), dir["db.duckdb"]) { Urls = url }, CancellationToken.None));
    }

    [Fact]
    public async Task HealthIsOpenAndSaysOk()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        using var response = await server.SendAsync(HttpMethod.Get, "/healthz", token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheOpenApiDocumentIsOpenAndNamesTheRolesOfEveryOperation()
    {
        using var dir = new TempDir();
        await using var server = await RunningServer.StartAsync(dir["db.duckdb"]);
        using var response = await server.SendAsync(HttpMethod.Get, "/openapi.json", token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var operations = OpenApiOperations.Read(document);
        Assert.Contains(operations, o => o.Path == "/healthz" && o.Roles.Count == 0);
        Assert.All(operations, o => Assert.NotNull(o.Roles));
    }

    [Fact]
    public async Task ServeRefusesABadConfigNamingTheField()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir["service.json"], """{"tokens":[{"name":"a","role":"wizard","sha256":"00"}]}""");
        var original = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        int code;
        try
        {
            code = await CliApp.RunAsync(["serve", "--config", dir["service.json"], "--urls", "http://127.0.0.1:0"]);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(1, code);
        Assert.Contains("'tokens[0].role'", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServePrintsTheBoundAddressServesOnItAndStopsCleanlyWhenCancelled()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir["service.json"], Some.ConfigJson());
        var original = Console.Out;
        var output = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(output));
        using var stop = new CancellationTokenSource();
        try
        {
            var run = CliApp.Build().Parse(["serve", "--config", dir["service.json"], "--urls", "http://127.0.0.1:0"]).InvokeAsync(cancellationToken: stop.Token);
            string? address = null;
            for (var i = 0; i < 600 && address is null && !run.IsCompleted; i++)
            {
                await Task.Delay(50);
                address = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"^listening on (http://127\.0\.0\.1:\d+)$", System.Text.RegularExpressions.RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : null;
            }

            Assert.NotNull(address);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(address + "/healthz")).StatusCode);
            await stop.CancelAsync();
            Assert.Equal(0, await run);
            Assert.True(File.Exists(dir["distillguard.duckdb"]), "--db defaults to distillguard.duckdb beside the config");
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
