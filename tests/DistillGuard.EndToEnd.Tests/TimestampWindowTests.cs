using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>Rows 1 and 2 of the hardening issue: a valid record dated at the calendar's edge neither crashes a run nor bloats its report.</summary>
public class TimestampWindowTests
{
    [Fact]
    public async Task RecordsDatedOutsideTheWindowAreRejectedWithTheReasonAndTheRunCompletesWithASmallReport()
    {
        using var dir = new TempDir();
        var ahead = DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string[] stamps = ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1999-12-31T23:59:59Z", ahead];
        var log = await (await Scenarios.Tiny(201)).CopyToAsync(dir, lines =>
        {
            var template = JsonNode.Parse(lines[0])!.AsObject();
            foreach (var (stamp, i) in stamps.Select((s, i) => (s, i)))
            {
                var record = template.DeepClone().AsObject();
                record["event_id"] = $"edge-{i}";
                record["timestamp"] = stamp;
                lines.Add(record.ToJsonString());
            }

            return lines;
        });
        var lines = await log.LinesAsync();
        Assert.Equal(0, await Cli.Run("analyze", "--input", log.Log, "--out", dir["out"]));

        var rejects = (await File.ReadAllLinesAsync(Path.Combine(dir["out"], "rejects.jsonl"))).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, rejects.Count);
        Assert.All(rejects, r => Assert.StartsWith("timestamp outside the analysis window", r.GetProperty("reason").GetString(), StringComparison.Ordinal));
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "summary.json")));
        var s = summary.RootElement;
        Assert.Equal(lines.Count, s.GetProperty("read").GetInt64());
        Assert.Equal(4, s.GetProperty("rejected").GetInt64());
        Assert.Equal(s.GetProperty("read").GetInt64(), s.GetProperty("accepted").GetInt64() + s.GetProperty("rejected").GetInt64() + s.GetProperty("duplicates").GetInt64());
        Assert.True(new FileInfo(Path.Combine(dir["out"], "report.html")).Length < 5_000_000, "report.html under 5 MB");
    }
}
