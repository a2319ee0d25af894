using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>Records in a 2xx reply survive a kill -9 of the real process that comes right after the reply.</summary>
public sealed class CrashTests
{
    [Fact]
    public async Task EveryAcknowledgedRecordIsCountedExactlyOnceAfterAKillDashNine()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir["service.json"], Some.ConfigJson());
        var acknowledged = new List<string>();
        await using (var first = await ServeProcess.StartAsync(dir["service.json"]))
        {
            for (var batch = 0; batch < 5; batch++)
            {
                var ids = Enumerable.Range(0, 50).Select(i => $"k-{batch}-{i}").ToArray();
                var reply = await first.PostAsync(Some.Ndjson(ids.Select((id, i) => Some.Record(id, $"acct-{i % 7}", minute: i))));
                Assert.Equal(50, reply.GetProperty("accepted").GetInt32());
                acknowledged.AddRange(ids);
            }

            first.Kill();
        }

        await using var second = await ServeProcess.StartAsync(dir["service.json"]);
        var status = await second.GetAsync("/v1/status");
        Assert.Equal(acknowledged.Count, status.GetProperty("exchanges").GetInt64());
        var again = await second.PostAsync(Some.Ndjson(acknowledged.Select(id => Some.Record(id))));
        Assert.Equal(acknowledged.Count, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task SigtermStopsTheServiceCleanlyWithItsRecordsKept()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir["service.json"], Some.ConfigJson());
        await using (var first = await ServeProcess.StartAsync(dir["service.json"]))
        {
            Assert.Equal(3, (await first.PostAsync(Some.Ndjson([Some.Record("t-1"), Some.Record("t-2"), Some.Record("t-3")]))).GetProperty("accepted").GetInt32());
            Assert.Equal(0, await first.TerminateAsync());
        }

        await using var second = await ServeProcess.StartAsync(dir["service.json"]);
        Assert.Equal(3, (await second.GetAsync("/v1/status")).GetProperty("exchanges").GetInt64());
    }

    /// <summary>`distillguard serve` as a child process on 127.0.0.1:0, with its store beside the config.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly HttpClient http;

        private ServeProcess(Process process, string address)
        {
            this.process = process;
            http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        }

        public static async Task<ServeProcess> StartAsync(string config)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "distillguard.dll"), "serve", "--config", config, "--urls", "http://127.0.0.1:0" })
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

        public async Task<JsonElement> PostAsync(string ndjson)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/exchanges") { Content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson") };
            return await SendAsync(request);
        }

        public async Task<JsonElement> GetAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            return await SendAsync(request);
        }

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

            http.Dispose();
            process.Dispose();
            return ValueTask.CompletedTask;
        }

        private async Task<JsonElement> SendAsync(HttpRequestMessage request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Some.Tokens[Role.Admin]);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{request.RequestUri}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
