using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// The hardening issue's 10,000-record malformed-input suite: one log of 10,000 records of many kinds of bad input mixed
/// with valid ones, generated from a seed, analysed once, with read, accepted, rejected, duplicates and the rejects of
/// every reason asserted exactly against what the generator says it wrote.
/// </summary>
public class MalformedInputSuiteTests
{
    private const int Records = 10_000;

    [Fact]
    public async Task TenThousandRecordsOfBadInputAreCountedExactly()
    {
        using var dir = new TempDir();
        var log = new MalformedLog(seed: 19, DateTimeOffset.UtcNow);
        var input = dir["malformed.jsonl.gz"];
        await log.WriteAsync(input, Records);

        // Four parsers and partitions whatever the machine: the line numbers below must hold under parallel reading.
        Assert.Equal(0, await Cli.Run("analyze", "--input", input, "--out", dir["out"], "--workers", "4"));

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "summary.json")));
        var s = summary.RootElement;
        Assert.Equal(Records, s.GetProperty("read").GetInt64());
        Assert.Equal(log.Accepted, s.GetProperty("accepted").GetInt64());
        Assert.Equal(log.Duplicates, s.GetProperty("duplicates").GetInt64());
        Assert.Equal(log.Rejected.Values.Sum(), s.GetProperty("rejected").GetInt64());
        Assert.False(s.TryGetProperty("incomplete_files", out _));

        var rejects = (await File.ReadAllLinesAsync(Path.Combine(dir["out"], "rejects.jsonl"))).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var byReason = rejects.GroupBy(r => MalformedLog.Key(r.GetProperty("reason").GetString()!)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(log.Rejected.OrderBy(p => p.Key, StringComparer.Ordinal), byReason.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(rejects, r => Assert.Equal(input, r.GetProperty("file").GetString()));
        Assert.Equal(log.RejectedLines, rejects.Select(r => r.GetProperty("line").GetInt64()).Order());

        // The hostile but valid values went through: formula ids neutralised in accounts.csv, markup kept out of report.html.
        var accounts = await File.ReadAllTextAsync(Path.Combine(dir["out"], "accounts.csv"));
        Assert.Contains("\"'=HYPERLINK(", accounts, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await File.ReadAllTextAsync(Path.Combine(dir["out"], "report.html")), StringComparison.Ordinal);
        Assert.True(log.Kinds >= 40, $"only {log.Kinds} kinds of record were written");
    }

    /// <summary>Writes the log and keeps the count of what each line must become.</summary>
    private sealed class MalformedLog(int seed, DateTimeOffset now)
    {
        private const string Window = "timestamp outside the analysis window";
        private const string InvalidJson = "invalid JSON";
        private static readonly string[] NotObjects = ["[1,2]", "42", "\"text\"", "null", "true"];
        private static readonly string[] NotDates = ["2025-02-30T12:00:00Z", "yesterday", "2025-03-01T12:00:00", "2025-13-01T00:00:00Z"];
        private static readonly string[] Blanks = ["", "   ", "\t", "\r"];
        private readonly Random _random = new(seed);
        private readonly List<string> _acceptedIds = [];
        private readonly HashSet<string> _kinds = [];
        private long _line;

        public long Accepted { get; private set; }

        public long Duplicates { get; private set; }

        public Dictionary<string, int> Rejected { get; } = new(StringComparer.Ordinal);

        public List<long> RejectedLines { get; } = [];

        public int Kinds => _kinds.Count;

        /// <summary>How rejects are counted: reasons that carry a parser position or the window's bounds by their start, the rest exactly.</summary>
        public static string Key(string reason) =>
            reason.StartsWith(Window, StringComparison.Ordinal) ? Window
            : reason == "invalid JSON: a record must be a JSON object" ? reason
            : reason.StartsWith(InvalidJson, StringComparison.Ordinal) ? InvalidJson
            : reason;

        private static JsonObject Valid(string eventId, int i) => new()
        {
            ["event_id"] = eventId,
            ["timestamp"] = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["account_id"] = $"acct-{i % 150}",
            ["organization_id"] = $"org-{i % 40}",
            ["account_created_at"] = "2025-01-01T00:00:00+02:00",
            ["email_domain"] = "example.com",
            ["payment_fingerprint"] = $"pf-{i % 90}",
            ["client_ip"] = $"203.0.113.{i % 250}",
            ["asn"] = 64500 + (i % 7),
            ["country"] = "DE",
            ["user_agent"] = "sdk/1.0",
            ["model"] = "model-large",
            ["conversation_id"] = $"conv-{i % 300}",
            ["turn_index"] = i % 3,
            ["prompt"] = $"Explain problem {i} step by step.",
            ["input_tokens"] = 100 + (i % 50),
            ["output_tokens"] = 700 + (i % 90),
            ["max_tokens"] = 4096,
            ["temperature"] = 0.7,
            ["stop_reason"] = "end_turn",
            ["status"] = "ok",
        };

        private static string J(JsonObject o) => o.ToJsonString();

        // Each kind: a name, and what it writes (bytes of one line, without its '\n') with the outcome it must have.
        private (string Kind, byte[] Line, Outcome Outcome) Next(int i)
        {
            var id = $"m-{i}";
            var v = Valid(id, i);
            var ahead = now.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            string[] formulas = ["=HYPERLINK(\"http://x\",\"y\")", "+41 22", "-acct", "@SUM(A1)", "=cmd|' /C calc'!A0"];
            var pick = _random.Next(100);
            return pick switch
            {
                < 30 => ("valid", U(J(v)), Outcome.Accept),
                < 33 => ("valid, formula account id", U(J(v.With("account_id", formulas[i % formulas.Length] + i % 5))), Outcome.Accept),
                < 35 => ("valid, script in user_agent and prompt", U(J(v.With("user_agent", "<script>alert(1)</script>").With("prompt", "<img src=x onerror=alert(1)> explain"))), Outcome.Accept),
                < 36 => ("valid, unknown fields", U(J(v.With("x_extra", new JsonObject { ["deep"] = new JsonArray(1, 2) }).With("flag", true))), Outcome.Accept),
                < 37 => ("valid, unicode", U(J(v.With("prompt", "naïve ✓ 日本語 🙂 résumé " + i))), Outcome.Accept),
                < 38 => ("valid, CRLF", U(J(v) + "\r"), Outcome.Accept),
                < 39 => ("valid, nulls for optional fields", U(J(v.With("asn", null).With("stop_reason", null).With("country", null))), Outcome.Accept),
                < 40 => ("valid, empty prompt with status error", U(J(v.With("prompt", "").With("status", "error"))), Outcome.Accept),
                < 41 => ("valid, long prompt", U(J(v.With("prompt", new string('p', 200_000)))), Outcome.Accept),
                < 42 => ("valid, offset timestamp", U(J(v.With("timestamp", "2025-03-01T23:30:00+14:00"))), Outcome.Accept),
                < 48 => _acceptedIds.Count == 0
                    ? ("valid", U(J(v)), Outcome.Accept)
                    : ("duplicate event_id", U(J(Valid(_acceptedIds[_random.Next(_acceptedIds.Count)], i))), Outcome.Duplicate),
                < 50 => ("invalid JSON, truncated", U(J(v)[..(J(v).Length / 2)]), Outcome.Reject(InvalidJson)),
                < 51 => ("invalid JSON, single quotes", U("{'event_id': 'x'}"), Outcome.Reject(InvalidJson)),
                < 52 => ("invalid JSON, bare key", U("{event_id: \"x\"}"), Outcome.Reject(InvalidJson)),
                < 53 => ("invalid JSON, trailing text", U(J(v) + " trailing"), Outcome.Reject(InvalidJson)),
                < 54 => ("invalid JSON, a BOM not at the start of the file", [0xEF, 0xBB, 0xBF, .. U(J(v))], Outcome.Reject(InvalidJson)),
                < 55 => ("invalid JSON, nested too deep", U("{\"x\":" + new string('[', 200) + new string(']', 200) + "}"), Outcome.Reject(InvalidJson)),
                < 56 => ("not an object", U(NotObjects[i % NotObjects.Length]), Outcome.Reject("invalid JSON: a record must be a JSON object")),
                < 58 => ("invalid UTF-8", [.. U(J(v))[..20], 0xFF, 0xFE, .. U(J(v))[20..]], Outcome.Reject("invalid UTF-8")),
                < 66 => WrongType(v, i),
                < 72 => Missing(v, i),
                < 74 => ("null for a required field", U(J(v.With("model", null))), Outcome.Reject("missing required field 'model'")),
                < 80 => ("timestamp outside the window", U(J(v.With("timestamp", new[] { "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "1999-12-31T23:59:59Z", ahead }[i % 4]))), Outcome.Reject(Window)),
                < 82 => ("timestamp that is not a date", U(J(v.With("timestamp", NotDates[i % NotDates.Length]))), Outcome.Reject("field 'timestamp' is not an RFC 3339 date-time")),
                < 84 => ("bad stop_reason", U(J(v.With("stop_reason", "bored"))), Outcome.Reject("field 'stop_reason' must be one of end_turn, max_tokens, tool_use, stop_sequence, refusal")),
                < 86 => ("bad status", U(J(v.With("status", "fine"))), Outcome.Reject("field 'status' must be one of ok, error, refused")),
                < 88 => ("turn_index over int", U(J(v.With("turn_index", 3_000_000_000L))), Outcome.Reject("field 'turn_index' must be ≤ 2147483647")),
                < 90 => ("negative tokens", U(J(v.With("output_tokens", -5))), Outcome.Reject("field 'output_tokens' must be ≥ 0")),
                < 92 => ("empty account_id", U(J(v.With("account_id", ""))), Outcome.Reject("field 'account_id' must not be empty")),
                < 94 => ("empty prompt without error", U(J(v.With("prompt", ""))), Outcome.Reject("prompt may be empty only with status 'error'")),
                < 96 => ("max_tokens 0", U(J(v.With("max_tokens", 0))), Outcome.Reject("field 'max_tokens' must be ≥ 1")),
                < 98 => ("temperature not a number", U(J(v.With("temperature", "hot"))), Outcome.Reject("field 'temperature' must be a number")),
                _ => ("fractional turn_index", U(J(v.With("turn_index", 1.5))), Outcome.Reject("field 'turn_index' must be an integer")),
            };
        }

        private static (string, byte[], Outcome) WrongType(JsonObject v, int i) => (i % 6) switch
        {
            0 => ("wrong type: asn", U(J(v.With("asn", "abc"))), Outcome.Reject("field 'asn' must be an integer")),
            1 => ("wrong type: account_id", U(J(v.With("account_id", 42))), Outcome.Reject("field 'account_id' must be a string")),
            2 => ("wrong type: model", U(J(v.With("model", true))), Outcome.Reject("field 'model' must be a string")),
            3 => ("wrong type: tools_declared", U(J(v.With("tools_declared", new JsonArray(1)))), Outcome.Reject("field 'tools_declared' must be an integer")),
            4 => ("wrong type: account_created_at", U(J(v.With("account_created_at", 17))), Outcome.Reject("field 'account_created_at' is not an RFC 3339 date-time")),
            _ => ("wrong type: input_tokens", U(J(v.With("input_tokens", "many"))), Outcome.Reject("field 'input_tokens' must be an integer")),
        };

        private static (string, byte[], Outcome) Missing(JsonObject v, int i)
        {
            string[] required = ["event_id", "timestamp", "account_id", "model", "prompt", "input_tokens", "output_tokens"];
            var field = required[i % required.Length];
            v.Remove(field);
            return ($"missing {field}", U(J(v)), Outcome.Reject($"missing required field '{field}'"));
        }

        private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

        public async Task WriteAsync(string path, int records)
        {
            await using var file = File.Create(path);
            await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            // Line 1: a valid record behind a UTF-8 byte-order mark, which the contract allows at the start of a file.
            var first = Valid("m-0", 0);
            await WriteLineAsync(gzip, [0xEF, 0xBB, 0xBF, .. U(J(first))], "valid behind a BOM", Outcome.Accept);
            // One record over the 64 MiB cap, skipped without being held whole.
            await WriteOversizedAsync(gzip, Valid("m-big", 1));
            for (var i = 2; i < records; i++)
            {
                if (_random.Next(30) == 0)
                {
                    // Blank lines are not records: not read, not counted, but they keep line numbers.
                    await gzip.WriteAsync(U(Blanks[_random.Next(Blanks.Length)] + "\n"));
                    _line++;
                }

                var (kind, line, outcome) = Next(i);
                await WriteLineAsync(gzip, line, kind, outcome);
            }
        }

        private async Task WriteOversizedAsync(Stream gzip, JsonObject record)
        {
            var json = J(record.With("prompt", "PLACEHOLDER"));
            var at = json.IndexOf("PLACEHOLDER", StringComparison.Ordinal);
            await gzip.WriteAsync(U(json[..at]));
            var chunk = U(new string('x', 1 << 20));
            for (var m = 0; m < 65; m++)
            {
                await gzip.WriteAsync(chunk);
            }

            await gzip.WriteAsync(U(json[(at + "PLACEHOLDER".Length)..] + "\n"));
            Count("oversized record", Outcome.Reject("record exceeds 64 MiB"), "m-big");
        }

        private async Task WriteLineAsync(Stream gzip, byte[] line, string kind, Outcome outcome)
        {
            await gzip.WriteAsync(line);
            await gzip.WriteAsync(U("\n"));
            string? eventId = null;
            try
            {
                eventId = JsonNode.Parse(Encoding.UTF8.GetString(line).TrimStart('\uFEFF').TrimEnd('\r'))?["event_id"]?.GetValue<string>();
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
            }

            Count(kind, outcome, eventId);
        }

        private void Count(string kind, Outcome outcome, string? eventId)
        {
            _line++;
            _kinds.Add(kind);
            switch (outcome.Kind)
            {
                case 0:
                    Accepted++;
                    _acceptedIds.Add(eventId!);
                    break;
                case 1:
                    Duplicates++;
                    break;
                default:
                    Rejected[outcome.Reason!] = Rejected.GetValueOrDefault(outcome.Reason!) + 1;
                    RejectedLines.Add(_line);
                    break;
            }
        }
    }

    private readonly record struct Outcome(int Kind, string? Reason)
    {
        public static Outcome Accept => new(0, null);

        public static Outcome Duplicate => new(1, null);

        public static Outcome Reject(string reason) => new(2, reason);
    }
}

internal static class JsonObjectEdits
{
    public static JsonObject With(this JsonObject record, string field, JsonNode? value)
    {
        record[field] = value;
        return record;
    }
}
