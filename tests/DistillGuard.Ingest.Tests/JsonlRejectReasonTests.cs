using System.Text.Json.Nodes;
using DistillGuard.Ingest.Tests.Support;

namespace DistillGuard.Ingest.Tests;

public class JsonlRejectReasonTests
{
    public static TheoryData<string, string?, string> BadValues => new()
    {
        { "asn", "\"abc\"", "field 'asn' must be an integer" },
        { "input_tokens", "-1", "field 'input_tokens' must be ≥ 0" },
        { "output_tokens", "-5", "field 'output_tokens' must be ≥ 0" },
        { "reasoning_tokens", "-1", "field 'reasoning_tokens' must be ≥ 0" },
        { "max_tokens", "0", "field 'max_tokens' must be ≥ 1" },
        { "turn_index", "1.5", "field 'turn_index' must be an integer" },
        { "turn_index", "3000000000", "field 'turn_index' must be ≤ 2147483647" },
        { "temperature", "\"hot\"", "field 'temperature' must be a number" },
        { "timestamp", "\"yesterday\"", "field 'timestamp' is not an RFC 3339 date-time" },
        { "timestamp", "\"2025-03-01T12:00:00\"", "field 'timestamp' is not an RFC 3339 date-time" },
        { "timestamp", "\"2025-02-30T12:00:00Z\"", "field 'timestamp' is not an RFC 3339 date-time" },
        { "account_created_at", "17", "field 'account_created_at' is not an RFC 3339 date-time" },
        { "stop_reason", "\"bored\"", "field 'stop_reason' must be one of end_turn, max_tokens, tool_use, stop_sequence, refusal" },
        { "status", "\"fine\"", "field 'status' must be one of ok, error, refused" },
        { "account_id", "42", "field 'account_id' must be a string" },
        { "model", "true", "field 'model' must be a string" },
        { "account_id", "\"\"", "field 'account_id' must not be empty" },
        { "prompt", "\"\"", "prompt may be empty only with status 'error'" },
        { "tools_declared", "[1]", "field 'tools_declared' must be an integer" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task AWrongTypeOrRangeIsRejectedWithTheFieldNamed(string field, string? json, string reason)
    {
        using var dir = new TempDir();
        var record = Some.Record("e1").With(field, json is null ? null : JsonNode.Parse(json));
        var run = await IngestRun.Of(dir.File("a.jsonl", Some.Line(record) + "\n"));
        Assert.Equal(reason, run.SingleReject.Reason);
        Assert.Equal(1, run.SingleReject.Line);
        Assert.Equal("e1", run.SingleReject.EventId);
        Assert.Equal(new IngestCounts(1, 0, 1, 0), run.Counts);
    }

    [Theory]
    [InlineData("event_id")]
    [InlineData("timestamp")]
    [InlineData("account_id")]
    [InlineData("model")]
    [InlineData("prompt")]
    [InlineData("input_tokens")]
    [InlineData("output_tokens")]
    public async Task AMissingRequiredFieldIsRejectedWithItsName(string field)
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.jsonl", Some.Line(Some.Record().Without(field)) + "\n"));
        Assert.Equal($"missing required field '{field}'", run.SingleReject.Reason);
    }

    [Fact]
    public async Task NullForAnOptionalFieldMeansAbsent()
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.jsonl", Some.Line(Some.Record().With("asn", null).With("stop_reason", null)) + "\n"));
        var e = Assert.Single(run.Accepted);
        Assert.Null(e.Asn);
        Assert.Null(e.StopReason);
    }

    [Fact]
    public async Task NullForARequiredFieldIsMissing()
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.jsonl", Some.Line(Some.Record().With("model", null)) + "\n"));
        Assert.Equal("missing required field 'model'", run.SingleReject.Reason);
    }

    [Fact]
    public async Task AnEmptyPromptIsAcceptedWithStatusError()
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.jsonl", Some.Line(Some.Record().With("prompt", "").With("status", "error")) + "\n"));
        Assert.Equal("", Assert.Single(run.Accepted).Prompt);
    }

    [Fact]
    public async Task UnknownFieldsAreIgnored()
    {
        using var dir = new TempDir();
        var record = Some.Record().With("x_extra", new JsonObject { ["deep"] = new JsonArray(1, 2) }).With("flag", true);
        var run = await IngestRun.Of(dir.File("a.jsonl", Some.Line(record) + "\n"));
        Assert.Single(run.Accepted);
    }

    [Fact]
    public async Task InvalidJsonIsRejectedAndReadingContinues()
    {
        using var dir = new TempDir();
        var text = "{\"event_id\": \n" + Some.Line(Some.Record()) + "\n[1,2]\n";
        var run = await IngestRun.Of(dir.File("a.jsonl", text));
        Assert.Single(run.Accepted);
        Assert.Equal(2, run.Rejects.Count);
        Assert.StartsWith("invalid JSON: ", run.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.Equal(1, run.Rejects[0].Line);
        Assert.Equal(3, run.Rejects[1].Line);
    }

    [Fact]
    public async Task InvalidUtf8IsRejectedAndReadingContinues()
    {
        using var dir = new TempDir();
        var good = System.Text.Encoding.UTF8.GetBytes(Some.Line(Some.Record()) + "\n");
        var badText = Some.Line(Some.Record()) + "\n";
        var bad = System.Text.Encoding.UTF8.GetBytes(badText);
        bad[badText.IndexOf("Explain", StringComparison.Ordinal)] = 0xFF; // ASCII line: char index == byte index
        var run = await IngestRun.Of(dir.File("a.jsonl", [.. bad, .. good]));
        Assert.Equal("invalid UTF-8", run.SingleReject.Reason);
        Assert.Single(run.Accepted);
    }

    [Fact]
    public async Task ATruncatedLastLineIsRejectedNotACrash()
    {
        using var dir = new TempDir();
        var full = Some.Line(Some.Record());
        var run = await IngestRun.Of(dir.File("a.jsonl", full + "\n" + full[..(full.Length / 2)]));
        Assert.Single(run.Accepted);
        Assert.StartsWith("invalid JSON", run.SingleReject.Reason, StringComparison.Ordinal);
        Assert.Equal(2, run.SingleReject.Line);
    }

    [Fact]
    public async Task BlankLinesAreSkippedAndNotCountedButKeepLineNumbers()
    {
        using var dir = new TempDir();
        var text = "\n" + Some.Line(Some.Record()) + "\r\n   \n" + Some.Line(Some.Record().Without("model")) + "\n\n";
        var run = await IngestRun.Of(dir.File("a.jsonl", text));
        Assert.Equal(new IngestCounts(2, 1, 1, 0), run.Counts);
        Assert.Equal(4, run.SingleReject.Line);
    }

    [Fact]
    public async Task ALineOverTheCapIsRejectedAndTheNextLineIsRead()
    {
        using var dir = new TempDir();
        var options = new IngestOptions { MaxRecordBytes = 1024 * 1024, ReadBufferBytes = 4096 };
        var big = Some.Line(Some.Record().With("prompt", new string('x', 3 * 1024 * 1024)));
        var run = await IngestRun.Of(dir.File("a.jsonl", big + "\n" + Some.Line(Some.Record()) + "\n"), options);
        Assert.Equal("record exceeds 1 MiB", run.SingleReject.Reason);
        Assert.Equal(1, run.SingleReject.Line);
        Assert.Single(run.Accepted);
    }

    [Fact]
    public async Task AFiftyMegabytePromptIsAccepted()
    {
        using var dir = new TempDir();
        var prompt = new string('p', 50 * 1024 * 1024);
        var run = await IngestRun.Of(dir.File("a.jsonl", Some.Line(Some.Record().With("prompt", prompt)) + "\n" + Some.Line(Some.Record()) + "\n"));
        Assert.Equal(2, run.Accepted.Count);
        Assert.Equal(prompt.Length, run.Accepted[0].Prompt.Length);
    }

    [Fact]
    public async Task TimestampsWithAnOffsetAreNormalisedToUtc()
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.jsonl", Some.Line(Some.Record().With("timestamp", "2025-03-01T14:00:00.5+02:00")) + "\n"));
        var ts = Assert.Single(run.Accepted).Timestamp;
        Assert.Equal(TimeSpan.Zero, ts.Offset);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, 500, TimeSpan.Zero), ts);
    }

    [Fact]
    public async Task AnAcceptedRecordCarriesEveryField()
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.jsonl", Some.Line(Some.Record("e9")) + "\n"));
        var e = Assert.Single(run.Accepted);
        Assert.Equal("e9", e.EventId);
        Assert.Equal("acct-1", e.AccountId.Value);
        Assert.Equal(64500, e.Asn);
        Assert.Equal(0.7, e.Temperature);
        Assert.Equal(Core.Model.StopReason.EndTurn, e.StopReason);
        Assert.Equal(Core.Model.ExchangeStatus.Ok, e.Status);
        Assert.Equal(800, e.OutputTokens);
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 22, 0, 0, TimeSpan.Zero), e.AccountCreatedAt);
    }
}
