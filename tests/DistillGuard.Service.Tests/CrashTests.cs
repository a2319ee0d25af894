using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DistillGuard.Service.Config;
using Xunit.Abstractions;

namespace DistillGuard.Service.Tests;

/// <summary>Records in a 2xx reply survive a kill -9 of the real process that comes right after the reply.</summary>
public sealed class CrashTests(ITestOutputHelper output)
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

    /// <summary>
    /// The simulated `tiny` log (with malformed lines and repeated records mixed in) streamed in batches while the real
    /// process is killed with SIGKILL at 20 random points: with a batch in flight after a random delay, so some kills
    /// land before the journal write, some during it and some after the reply. After each kill the service restarts
    /// and the client sends any batch it holds no reply for again. Every reply adds up, the service ends holding each
    /// distinct record once, and a last resend of the whole log is all duplicates and rejects.
    /// </summary>
    [Fact]
    public async Task KilledAtTwentyRandomPointsDuringIngestEveryAcknowledgedRecordIsCountedExactlyOnce()
    {
        const int kills = 20;
        const int batchSize = 200;
        var random = new Random(20261207);
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir["service.json"], Some.ConfigJson());
        var simulated = TinyScenario.Simulate(dir["data"]);
        var log = TinyScenario.Lines(simulated.ExchangesPath).ToList();
        var batches = log.Chunk(batchSize)
            .Select((chunk, i) => i % 7 == 3 ? [.. chunk, Malformed, chunk[0]] : chunk)
            .ToArray();
        var killAt = Enumerable.Range(0, batches.Length).OrderBy(_ => random.Next()).Take(kills).ToHashSet();
        Assert.Equal(kills, killAt.Count);

        var server = await ServeProcess.StartAsync(dir["service.json"]);
        try
        {
            var (killed, killedBeforeReply, ackedLines) = (0, 0, 0L);
            for (var i = 0; i < batches.Length; i++)
            {
                var body = Some.Ndjson(batches[i]);
                while (true)
                {
                    var post = server.TryPostAsync(body);
                    if (killAt.Remove(i))
                    {
                        await Task.Delay(random.Next(0, 60));
                        server.Kill();
                        killed++;
                    }

                    var reply = await post;
                    killedBeforeReply += reply is null ? 1 : 0;
                    if (server.HasExited)
                    {
                        await server.DisposeAsync();
                        server = await ServeProcess.StartAsync(dir["service.json"]);
                    }

                    if (reply is { } counts)
                    {
                        // read = accepted + rejected + duplicates, for every reply the client holds.
                        Assert.Equal(batches[i].Length, counts.GetProperty("accepted").GetInt32() + counts.GetProperty("rejected").GetInt32() + counts.GetProperty("duplicates").GetInt32());
                        ackedLines += batches[i].Length;
                        break;
                    }
                }
            }

            Assert.Equal(kills, killed);
            output.WriteLine($"{killed} kills: {killedBeforeReply} before the batch's reply (sent again), {killed - killedBeforeReply} after it");
            Assert.Equal(batches.Sum(b => (long)b.Length), ackedLines);

            // Each distinct record once in the rebuilt state, whatever the kills interrupted.
            var distinct = log.Select(EventId).Distinct(StringComparer.Ordinal).Count();
            var status = await server.GetAsync("/v1/status");
            Assert.Equal(distinct, status.GetProperty("exchanges").GetInt64());
            Assert.Equal(distinct, status.GetProperty("journal_records").GetInt64());

            var (accepted, rejected, duplicates) = (0, 0, 0);
            foreach (var batch in batches)
            {
                var again = await server.PostAsync(Some.Ndjson(batch));
                (accepted, rejected, duplicates) = (
                    accepted + again.GetProperty("accepted").GetInt32(), rejected + again.GetProperty("rejected").GetInt32(), duplicates + again.GetProperty("duplicates").GetInt32());
            }

            Assert.Equal(0, accepted);
            Assert.Equal(batches.Sum(b => b.Count(l => l == Malformed)), rejected);
            Assert.Equal(batches.Sum(b => b.Length) - rejected, duplicates);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A line cut off mid-record, as a crashed writer leaves it.</summary>
    private const string Malformed = "{\"event_id\": \"broken";

    private static string EventId(string line) => JsonDocument.Parse(line).RootElement.GetProperty("event_id").GetString()!;

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
