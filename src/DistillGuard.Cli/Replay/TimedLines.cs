using System.IO.Compression;
using System.Text.Json;

namespace DistillGuard.Cli.Replay;

/// <summary>One line of a log with the time and account it carries; a line whose time cannot be read sorts first and is sent as it is (the service rejects it with its reason).</summary>
internal readonly record struct TimedLine(DateTimeOffset At, long Order, string Line, string? Account);

/// <summary>
/// Reads JSONL logs (<c>.jsonl</c> or <c>.jsonl.gz</c>, a file or a folder of them) as raw lines in timestamp order, ties
/// in file order. The whole log is held in memory: replay is for tests and demonstrations of the online path, not for
/// backfilling months of traffic.
/// </summary>
internal static class TimedLines
{
    public static async Task<IReadOnlyList<TimedLine>> ReadAsync(string input, CancellationToken ct)
    {
        var files = Directory.Exists(input)
            ? Directory.EnumerateFiles(input).Where(IsLog).Order(StringComparer.Ordinal).ToArray()
            : File.Exists(input) ? [input] : throw new ArgumentException($"input '{input}' does not exist");
        if (files.Length == 0)
        {
            throw new ArgumentException($"input '{input}' holds no .jsonl or .jsonl.gz file");
        }

        var lines = new List<TimedLine>();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            await using var decompressed = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
            using var reader = new StreamReader(decompressed);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    var (at, account) = Read(line);
                    lines.Add(new TimedLine(at, lines.Count, line, account));
                }
            }
        }

        lines.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Order.CompareTo(b.Order));
        return lines;
    }

    private static bool IsLog(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The line's <c>timestamp</c> (<see cref="DateTimeOffset.MinValue"/> when unreadable) and <c>account_id</c>, from one parse.</summary>
    private static (DateTimeOffset At, string? Account) Read(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (DateTimeOffset.MinValue, null);
            }

            var at = root.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.String && t.TryGetDateTimeOffset(out var time) ? time : DateTimeOffset.MinValue;
            var account = root.TryGetProperty("account_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            return (at, account);
        }
        catch (JsonException)
        {
            return (DateTimeOffset.MinValue, null);
        }
    }
}
