using System.Diagnostics;
using System.Text.Json;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>`distillguard serve` as a child process on 127.0.0.1:0, with its store beside the config.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServeProcess(Process process, string address)
    {
        this.process = process;
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(120) };
    }

    /// <summary>A client for the service's address (no token set: each call names its role).</summary>
    public HttpClient Http { get; }

    /// <summary>Sends with the role's token, asserts a 200 and parses the JSON reply (as <see cref="RunningServer.JsonAsync"/>).</summary>
    public Task<JsonElement> JsonAsync(HttpMethod method, string path, Role role, string? body = null, string contentType = "application/json") =>
        Http.JsonAsync(method, path, role, body, contentType);

    /// <param name="database">The store (<c>--db</c>); null for the default beside the config.</param>
    public static async Task<ServeProcess> StartAsync(string config, string? database = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] store = database is null ? [] : ["--db", database];
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "distillguard.dll"), "serve", "--config", config, "--urls", "http://127.0.0.1:0", .. store])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                return new ServeProcess(process, line["listening on ".Length..]);
            }
        }

        throw new InvalidOperationException($"serve exited with {process.ExitCode} before listening");
    }

    /// <summary>Posts NDJSON to <c>/v1/exchanges</c> as admin; asserts a 200 and parses the reply.</summary>
    public Task<JsonElement> PostAsync(string ndjson) => JsonAsync(HttpMethod.Post, "/v1/exchanges", Role.Admin, ndjson, "application/x-ndjson");

    public bool HasExited => process.HasExited;

    /// <summary>Posts NDJSON; the parsed reply of a 2xx, or null when the connection broke (the process was killed) before one came.</summary>
    public async Task<JsonElement?> TryPostAsync(string ndjson)
    {
        try
        {
            return await PostAsync(ndjson);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>GET as admin; asserts a 200 and parses the reply.</summary>
    public Task<JsonElement> GetAsync(string path) => JsonAsync(HttpMethod.Get, path, Role.Admin);

    /// <summary>SIGKILL: no drain, no flush.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM, then the exit code once the process has drained and stopped.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        Http.Dispose();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
