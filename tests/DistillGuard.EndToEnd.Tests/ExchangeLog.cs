using System.IO.Compression;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>The lines of a log that `simulate` wrote, for tests that read or rewrite it.</summary>
internal static class ExchangeLog
{
    /// <summary>Every line of <c>exchanges.jsonl.gz</c> in a simulated data folder, in file order.</summary>
    public static Task<List<string>> LinesAsync(string dataDir) => ReadAsync(Path.Combine(dataDir, "exchanges.jsonl.gz"));

    /// <summary>Every line of a log file, gzipped (<c>.gz</c>) or plain, in file order.</summary>
    public static async Task<List<string>> ReadAsync(string file)
    {
        var lines = new List<string>();
        await using var stream = File.OpenRead(file);
        await using Stream decoded = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(decoded);
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
