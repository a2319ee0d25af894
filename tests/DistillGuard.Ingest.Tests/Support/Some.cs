using System.Text;
using System.Text.Json.Nodes;
using DistillGuard.Core.Model;

namespace DistillGuard.Ingest.Tests.Support;

/// <summary>Test data: valid records of the contract, and temp files holding them.</summary>
internal static class Some
{
    private static int _next;

    public static string EventId() => "evt-" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A valid record with every field set.</summary>
    public static JsonObject Record(string? eventId = null) => new()
    {
        ["event_id"] = eventId ?? EventId(),
        ["timestamp"] = "2025-03-01T12:34:56.789Z",
        ["account_id"] = "acct-1",
        ["organization_id"] = "org-1",
        ["api_key_id"] = "key-1",
        ["account_created_at"] = "2025-01-01T00:00:00+02:00",
        ["email_domain"] = "example.com",
        ["payment_fingerprint"] = "pf-1",
        ["client_ip"] = "203.0.113.7",
        ["asn"] = 64500,
        ["country"] = "DE",
        ["user_agent"] = "sdk/1.0",
        ["model"] = "model-large",
        ["conversation_id"] = "conv-1",
        ["turn_index"] = 0,
        ["system_prompt"] = "You are helpful.",
        ["prompt"] = "Explain quicksort step by step.",
        ["input_tokens"] = 120,
        ["output_tokens"] = 800,
        ["reasoning_tokens"] = 0,
        ["max_tokens"] = 4096,
        ["temperature"] = 0.7,
        ["tools_declared"] = 0,
        ["tool_calls"] = 0,
        ["stop_reason"] = "end_turn",
        ["status"] = "ok",
    };

    public static string Line(JsonObject record) => record.ToJsonString();

    public static JsonObject With(this JsonObject record, string field, JsonNode? value)
    {
        record[field] = value;
        return record;
    }

    public static JsonObject Without(this JsonObject record, string field)
    {
        record.Remove(field);
        return record;
    }

    /// <summary>The record as a CSV row under <see cref="CsvHeader"/> (RFC 4180 quoting).</summary>
    public static string CsvRow(JsonObject record, IReadOnlyList<string> header) =>
        string.Join(',', header.Select(h => CsvQuote(record[h] is { } v ? ValueText(v) : "")));

    public static IReadOnlyList<string> CsvHeader { get; } = Record().Select(p => p.Key).ToList();

    public static string Csv(params JsonObject[] records) =>
        string.Join('\n', [string.Join(',', CsvHeader), .. records.Select(r => CsvRow(r, CsvHeader))]) + "\n";

    private static string ValueText(JsonNode v) => v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();

    private static string CsvQuote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}

/// <summary>A temp folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dg-ingest-").FullName;

    public string File(string name, string content)
    {
        var p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllText(p, content, new UTF8Encoding(false));
        return p;
    }

    public string File(string name, byte[] content)
    {
        var p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllBytes(p, content);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Keeps rejects in memory.</summary>
internal sealed class ListRejectSink : IRejectSink
{
    public List<RejectedRecord> Rejects { get; } = [];

    public void Add(RejectedRecord reject) => Rejects.Add(reject);
}

/// <summary>Result of reading one input path to the end.</summary>
internal sealed record IngestRun(List<Exchange> Accepted, List<RejectedRecord> Rejects, IngestCounts Counts, long BytesRead, long TotalBytes, IReadOnlyList<IncompleteInput> Incomplete)
{
    public static async Task<IngestRun> Of(string path, IngestOptions? options = null)
    {
        var sink = new ListRejectSink();
        var reader = new ExchangeLogReader(sink, options);
        var accepted = new List<Exchange>();
        await foreach (var e in reader.ReadAsync(path))
        {
            accepted.Add(e);
        }

        return new IngestRun(accepted, sink.Rejects, reader.Counts, reader.BytesRead, reader.TotalBytes, reader.IncompleteFiles);
    }

    public RejectedRecord SingleReject => Assert.Single(Rejects);
}
