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

    [Fact]
    public async Task FourWorkersReadAParquetFileOfSeveralRowGroupsExactlyAsOneDoes()
    {
        // Three row groups of 5,000 rows: each is validated in several slices, rejects and duplicates fall in every group
        // and the duplicates repeat ids of earlier groups.
        using var dir = new TempDir();
        var schema = new ParquetSchema(
            new DataField<string>("event_id"), new DataField<string>("timestamp"), new DataField<string>("account_id"),
            new DataField<string>("model"), new DataField<string>("prompt"), new DataField<long?>("input_tokens"),
            new DataField<long?>("output_tokens"));
        var path = Path.Combine(dir.Path, "groups.parquet");
        await using (var file = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(schema, file))
        {
            for (var g = 0; g < 3; g++)
            {
                using var group = writer.CreateRowGroup();
                var f = schema.DataFields;
                var rows = Enumerable.Range(g * 5000, 5000).ToArray();
                await group.WriteAsync(f[0], rows.Select(i => (string?)(i % 97 == 0 ? $"pq-{i % 1000}" : $"pq-{i}")).ToArray());
                await group.WriteAsync(f[1], rows.Select(i => (string?)(i % 89 == 0 ? "yesterday" : "2025-03-01T12:00:00Z")).ToArray());
                await group.WriteAsync(f[2], rows.Select(i => (string?)$"acct-{i % 13}").ToArray());
                await group.WriteAsync(f[3], rows.Select(i => (string?)"m").ToArray());
                await group.WriteAsync(f[4], rows.Select(i => (string?)$"prompt {i}").ToArray());
                await group.WriteAsync<long>(f[5], rows.Select(i => i % 83 == 0 ? (long?)-1 : 10).ToArray());
                await group.WriteAsync<long>(f[6], rows.Select(i => (long?)20).ToArray());
            }
        }

        var one = await IngestRun.Of(path, new IngestOptions { ParseWorkers = 1 });
        var four = await IngestRun.Of(path, new IngestOptions { ParseWorkers = 4 });
        Assert.Equal(15000, one.Counts.Read);
        Assert.True(one.Counts.Rejected > 300 && one.Counts.Duplicates > 100, $"{one.Counts}");
        Assert.Equal(one.Counts, four.Counts);
        Assert.Equal(one.Accepted.Select(e => e.EventId), four.Accepted.Select(e => e.EventId));
        Assert.Equal(one.Rejects, four.Rejects);
        Assert.Equal(one.BytesRead, four.BytesRead);
        var expected = Enumerable.Range(0, 15000).Where(i => i % 89 == 0 || i % 83 == 0).Select(i => i + 1L);
        Assert.Equal(expected, four.Rejects.Select(r => r.Line));
    }

    [Fact]
    public async Task AUuidColumnIsReadAsItsTextAndNumbersOrInstantsInTextFieldsAsWhatTheyPrint()
    {
        // DuckDB writes a uuid-looking event_id as a UUID column; a warehouse may type a numeric conversation id as a number.
        using var dir = new TempDir();
        var schema = new ParquetSchema(
            new DataField<Guid>("event_id"), new DateTimeDataField("timestamp", DateTimeFormat.DateAndTime, isAdjustedToUTC: true, isNullable: true),
            new DataField<string>("account_id"), new DataField<string>("model"), new DataField<string>("prompt"),
            new DataField<long?>("conversation_id"), new DataField<double?>("turn_index"), new DataField<long?>("input_tokens"),
            new DataField<long?>("output_tokens"));
        var id = Guid.Parse("bf84aaa1-bfa3-4e5f-be06-e553164e20ac");
        var path = Path.Combine(dir.Path, "typed.parquet");
        await using (var file = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(schema, file))
        {
            using var group = writer.CreateRowGroup();
            var f = schema.DataFields;
            await group.WriteAsync<Guid>(f[0], new Guid?[] { id, Guid.Empty });
            await group.WriteAsync<DateTime>(f[1], new DateTime?[] { new DateTime(2025, 3, 1, 12, 0, 0, 123, DateTimeKind.Utc), new DateTime(2025, 3, 1, 12, 0, 1, DateTimeKind.Utc) });
            await group.WriteAsync(f[2], Enumerable.Repeat<string?>("acct", 2).ToArray());
            await group.WriteAsync(f[3], Enumerable.Repeat<string?>("m", 2).ToArray());
            await group.WriteAsync(f[4], Enumerable.Repeat<string?>("p", 2).ToArray());
            await group.WriteAsync<long>(f[5], new long?[] { 42, null });
            await group.WriteAsync<double>(f[6], new double?[] { 3.0, 1.5 });
            await group.WriteAsync<long>(f[7], new long?[] { 10, 10 });
            await group.WriteAsync<long>(f[8], new long?[] { 20, 20 });
        }

        var run = await IngestRun.Of(path);
        var exchange = Assert.Single(run.Accepted);
        Assert.Equal(id.ToString("D"), exchange.EventId);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero), exchange.Timestamp);
        Assert.Equal("42", exchange.ConversationId);
        Assert.Equal(3, exchange.TurnIndex);
        Assert.Equal("field 'turn_index' must be an integer", run.SingleReject.Reason);
    }

    internal static Task<string> Write(TempDir dir, string name, int rows) => WriteParquet(dir, name, rows, _ => "1", _ => "acct");
}
