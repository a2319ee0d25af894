using System.IO.Compression;
using System.Text;
using DistillGuard.Service.Config;
using DistillGuard.Simulation;

namespace DistillGuard.Service.Tests;

/// <summary>The simulated `tiny` scenario, and streaming its log through a running service in the log's order.</summary>
internal static class TinyScenario
{
    private const int LinesPerPost = 1000;

    public static SimulationResult Simulate(string folder, int seed = 5) => Simulator.Run(new SimulationOptions("tiny", seed, folder, null, null));

    /// <summary>Posts every line of the log in order; asserts each is accepted; returns how many were sent.</summary>
    public static async Task<long> StreamAsync(RunningServer server, SimulationResult simulated)
    {
        var sent = 0L;
        foreach (var chunk in Lines(simulated.ExchangesPath).Chunk(LinesPerPost))
        {
            var reply = await server.JsonAsync(HttpMethod.Post, "/v1/exchanges", Role.Gateway, string.Join("\n", chunk), "application/x-ndjson");
            Assert.Equal(chunk.Length, reply.GetProperty("accepted").GetInt32());
            sent += chunk.Length;
        }

        return sent;
    }

    /// <summary>The log's non-empty lines, in file order.</summary>
    public static IEnumerable<string> Lines(string gzipPath)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gzipPath), CompressionMode.Decompress), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
