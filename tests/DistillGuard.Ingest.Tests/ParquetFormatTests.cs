using DistillGuard.Ingest.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace DistillGuard.Ingest.Tests;

public class ParquetFormatTests
{
    private static async Task<string> WriteParquet(TempDir dir, string name, int rows, Func<int, string?> asn, Func<int, string?> accountId, bool withModel = true)
    {
        var fields = new List<DataField>
        {
            new DataField<string>("event_id"),
            new DateTimeDataField("timestamp", DateTimeFormat.DateAndTime, isAdjustedToUTC: true, isNullable: true),
            new DataField<string>("account_id", true),
            new DataField<string>("asn", true),
            new DataField<long?>("input_tokens"),
            new DataField<int?>("output_tokens"),
            new DataField<double?>("temperature"),
            new DataField<string>("prompt"),
        };
        if (withModel)
        {
            fields.Add(new DataField<string>("model"));
        }

        var schema = new ParquetSchema(fields);
        var path = Path.Combine(dir.Path, name);
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, file);
        using var group = writer.CreateRowGroup();
        var f = schema.DataFields;
        await group.WriteAsync(f[0], Enumerable.Range(0, rows).Select(i => (string?)$"pq-{name}-{i}").ToArray());
        await group.WriteAsync<DateTime>(f[1], Enumerable.Range(0, rows).Select(i => (DateTime?)new DateTime(2025, 1, 1, 0, 0, i, DateTimeKind.Utc)).ToArray());
        await group.WriteAsync(f[2], Enumerable.Range(0, rows).Select(accountId).ToArray());
        await group.WriteAsync(f[3], Enumerable.Range(0, rows).Select(asn).ToArray());
        await group.WriteAsync<long>(f[4], Enumerable.Range(0, rows).Select(i => (long?)10).ToArray());
        await group.WriteAsync<int>(f[5], Enumerable.Range(0, rows).Select(i => (int?)20).ToArray());
        await group.WriteAsync<double>(f[6], Enumerable.Range(0, rows).Select(i => i == 0 ? null : (double?)0.5).ToArray());
        await group.WriteAsync(f[7], Enumerable.Range(0, rows).Select(i => (string?)"hello").ToArray());
        if (withModel)
        {
            await group.WriteAsync(f[8], Enumerable.Range(0, rows).Select(i => (string?)"m").ToArray());
        }

        return path;
    }

    [Fact]
    public async Task TypedParquetColumnsAreAccepted()
    {
        using var dir = new TempDir();
        var path = await WriteParquet(dir, "a.parquet", 3, _ => "13335", i => $"acct-{i}");
        var run = await IngestRun.Of(path);
        Assert.Equal(3, run.Accepted.Count);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 2, TimeSpan.Zero), run.Accepted[2].Timestamp);
        Assert.Equal(13335, run.Accepted[0].Asn);
        Assert.Equal(20, run.Accepted[0].OutputTokens);
        Assert.Null(run.Accepted[0].Temperature);
        Assert.Equal(0.5, run.Accepted[1].Temperature);
    }

    [Fact]
    public async Task AParquetRowWithAMissingRequiredValueIsRejectedWithItsRow()
    {
        using var dir = new TempDir();
        var path = await WriteParquet(dir, "a.parquet", 3, _ => null, i => i == 1 ? null : "acct");
        var run = await IngestRun.Of(path);
        Assert.Equal("missing required field 'account_id'", run.SingleReject.Reason);
        Assert.Equal(2, run.SingleReject.Line);
        Assert.Equal(2, run.Accepted.Count);
    }

    [Fact]
    public async Task AParquetFileWithoutARequiredColumnRejectsEveryRow()
    {
        using var dir = new TempDir();
        var path = await WriteParquet(dir, "a.parquet", 2, _ => null, _ => "acct", withModel: false);
        var run = await IngestRun.Of(path);
        Assert.All(run.Rejects, r => Assert.Equal("missing required field 'model'", r.Reason));
        Assert.Equal(new IngestCounts(2, 0, 2, 0), run.Counts);
    }

    [Fact]
    public async Task AParquetValueThatCannotBeConvertedIsRejectedWithTheFieldNamed()
    {
        using var dir = new TempDir();
        var path = await WriteParquet(dir, "a.parquet", 2, i => i == 0 ? "abc" : "7", _ => "acct");
        var run = await IngestRun.Of(path);
        Assert.Equal("field 'asn' must be an integer", run.SingleReject.Reason);
        Assert.Equal(1, run.SingleReject.Line);
        Assert.Equal(7, Assert.Single(run.Accepted).Asn);
    }

    internal static Task<string> Write(TempDir dir, string name, int rows) => WriteParquet(dir, name, rows, _ => "1", _ => "acct");
}
