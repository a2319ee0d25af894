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
}
