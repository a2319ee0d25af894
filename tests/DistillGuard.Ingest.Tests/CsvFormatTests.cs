using DistillGuard.Ingest.Tests.Support;

namespace DistillGuard.Ingest.Tests;

public class CsvFormatTests
{
    [Fact]
    public async Task AValidCsvRowIsAcceptedWithTypedValues()
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.csv", Some.Csv(Some.Record("c1").With("prompt", "has, comma and \"quotes\"\nand a line break"))));
        var e = Assert.Single(run.Accepted);
        Assert.Equal("has, comma and \"quotes\"\nand a line break", e.Prompt);
        Assert.Equal(64500, e.Asn);
        Assert.Equal(0.7, e.Temperature);
    }

    [Fact]
    public async Task AnEmptyCellIsAbsentSoAMissingRequiredValueIsRejected()
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.csv", Some.Csv(Some.Record().Without("account_id"))));
        Assert.Equal("missing required field 'account_id'", run.SingleReject.Reason);
        Assert.Equal(2, run.SingleReject.Line);
    }

    [Fact]
    public async Task AMissingRequiredColumnIsRejected()
    {
        using var dir = new TempDir();
        var header = Some.CsvHeader.Where(h => h != "model").ToList();
        var text = string.Join(',', header) + "\n" + Some.CsvRow(Some.Record(), header) + "\n";
        var run = await IngestRun.Of(dir.File("a.csv", text));
        Assert.Equal("missing required field 'model'", run.SingleReject.Reason);
    }

    [Theory]
    [InlineData("asn", "abc", "field 'asn' must be an integer")]
    [InlineData("input_tokens", "-1", "field 'input_tokens' must be ≥ 0")]
    [InlineData("temperature", "hot", "field 'temperature' must be a number")]
    [InlineData("timestamp", "not a time", "field 'timestamp' is not an RFC 3339 date-time")]
    [InlineData("status", "meh", "field 'status' must be one of ok, error, refused")]
    public async Task AWrongTypeIsRejectedWithTheFieldNamed(string field, string value, string reason)
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.csv", Some.Csv(Some.Record("c2").With(field, value))));
        Assert.Equal(reason, run.SingleReject.Reason);
        Assert.Equal("c2", run.SingleReject.EventId);
    }

    [Fact]
    public async Task AWrongColumnCountIsRejectedWithItsLineAndReadingContinues()
    {
        using var dir = new TempDir();
        var text = Some.Csv(Some.Record(), Some.Record()).TrimEnd('\n') + "\na,b,c\n" + Some.CsvRow(Some.Record(), Some.CsvHeader) + "\n";
        var run = await IngestRun.Of(dir.File("a.csv", text));
        Assert.Equal(3, run.Accepted.Count);
        Assert.StartsWith("wrong column count", run.SingleReject.Reason, StringComparison.Ordinal);
        Assert.Equal(4, run.SingleReject.Line);
    }

    [Fact]
    public async Task AMalformedQuoteIsRejectedWithItsLineAndReadingContinues()
    {
        using var dir = new TempDir();
        var bad = Some.CsvRow(Some.Record(), Some.CsvHeader).Replace("sdk/1.0", "sd\"k", StringComparison.Ordinal);
        var text = Some.Csv(Some.Record()) + bad + "\n" + Some.CsvRow(Some.Record(), Some.CsvHeader) + "\n";
        var run = await IngestRun.Of(dir.File("a.csv", text));
        Assert.Equal(2, run.Accepted.Count);
        Assert.StartsWith("malformed CSV", run.SingleReject.Reason, StringComparison.Ordinal);
        Assert.Equal(3, run.SingleReject.Line);
    }

    [Fact]
    public async Task LineNumbersCountPhysicalLinesInsideQuotedFields()
    {
        using var dir = new TempDir();
        var text = Some.Csv(Some.Record().With("prompt", "one\ntwo\nthree"), Some.Record().Without("model"));
        var run = await IngestRun.Of(dir.File("a.csv", text));
        Assert.Equal(5, run.SingleReject.Line);
    }

    [Fact]
    public async Task InvalidUtf8InACsvRowIsRejected()
    {
        using var dir = new TempDir();
        var bytes = System.Text.Encoding.UTF8.GetBytes(Some.Csv(Some.Record().With("prompt", "caf\u00e9"), Some.Record()));
        bytes[Array.IndexOf(bytes, (byte)0xC3)] = 0xFF;
        var run = await IngestRun.Of(dir.File("a.csv", bytes));
        Assert.Equal("invalid UTF-8", run.SingleReject.Reason);
        Assert.Single(run.Accepted);
    }

    [Fact]
    public async Task AnEmptyPromptCellIsAcceptedWithStatusError()
    {
        using var dir = new TempDir();
        var run = await IngestRun.Of(dir.File("a.csv", Some.Csv(Some.Record().With("prompt", "").With("status", "error"), Some.Record().With("prompt", ""))));
        Assert.Equal("", Assert.Single(run.Accepted).Prompt);
        Assert.Equal("prompt may be empty only with status 'error'", run.SingleReject.Reason);
    }
}
