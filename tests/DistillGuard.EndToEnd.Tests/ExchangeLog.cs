using System.IO.Compression;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>The lines of a log that `simulate` wrote, for tests that read or rewrite it.</summary>
internal static class ExchangeLog
{
    /// <summary>Every line of <c>exchanges.jsonl.gz</c> in a simulated data folder, in file order.</summary>
    public static async Task<List<string>> LinesAsync(string dataDir)
    {
        var lines = new List<string>();
        await using var gzip = new GZipStream(File.OpenRead(Path.Combine(dataDir, "exchanges.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
