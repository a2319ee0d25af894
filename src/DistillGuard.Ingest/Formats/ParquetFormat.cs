using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DistillGuard.Ingest.Validation;
using Parquet;
using Parquet.Schema;
using Field = DistillGuard.Ingest.Validation.Field;

namespace DistillGuard.Ingest.Formats;

/// <summary>
/// Reads Parquet row groups with Parquet.Net, only the columns the contract names; typed values are converted to text
/// (numbers invariant, timestamps as RFC 3339 UTC) and go through the same validation as CSV cells. Up to
/// <see cref="IngestOptions.ParseWorkers"/> validation tasks run at once, each on a slice of a decoded row group, while
/// the next row group is decoded by a reader of its own (a reader holds one stream); outcomes come back in file order, so
/// row numbers, rejects and "first occurrence wins" are what a one-thread read gives. Row numbers are 1-based over the file.
/// </summary>
internal static class ParquetFormat
{
    /// <summary>Rows validated per task: small enough that a task's outcomes stay off the large-object heap.</summary>
    private const int ChunkRows = 2048;

    public static async IAsyncEnumerable<RecordOutcome> ReadAsync(
        string path, IngestOptions options, Action<long> onBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        // Parquet.Net needs a seekable stream (footer first), so progress is reported per file, not per read.
        await using var readers = new ReaderPool(path);
        var first = await readers.RentAsync(ct).ConfigureAwait(false);
        var columns = first.Reader.Schema.Fields.OfType<DataField>()
            .Select(f => (Field: FieldNames.Find(f.Name), Data: f))
            .Where(c => c.Field >= 0)
            .ToArray();
        var groups = new RowGroup[first.Reader.RowGroupCount];
        long row = 0;
        for (var g = 0; g < groups.Length; g++)
        {
            using var rowGroup = first.Reader.OpenRowGroupReader(g);
            groups[g] = new RowGroup(g, row, rowGroup.RowCount);
            row += rowGroup.RowCount;
        }

        var length = first.Length;
        readers.Return(first);
        if (options.ParseWorkers <= 1)
        {
            foreach (var group in groups)
            {
                var decoded = await DecodeAsync(readers, group, columns, ct).ConfigureAwait(false);
                if (decoded.Broken is { } broken)
                {
                    yield return broken;
                    yield break;
                }

                foreach (var outcome in Validate(decoded, 0, decoded.Rows))
                {
                    yield return outcome;
                }
            }

            onBytes(length);
            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var validated = Channel.CreateBounded<Task<RecordOutcome[]>>(new BoundedChannelOptions(options.ParseWorkers * 2) { SingleReader = true, SingleWriter = true });
        var dispatching = Task.Run(() => DispatchAsync(readers, groups, columns, validated.Writer, stop.Token), stop.Token);
        var ended = false;
        try
        {
            await foreach (var pending in validated.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                var outcomes = await pending.ConfigureAwait(false);
                foreach (var outcome in outcomes)
                {
                    yield return outcome;
                }

                if (outcomes is [.., { Break: not null }])
                {
                    ended = true;
                    break;
                }
            }

            if (!ended)
            {
                await dispatching.ConfigureAwait(false);
            }
        }
        finally
        {
            // A consumer that stops early (or fails), or a broken group, stops the dispatcher and what it has in flight.
            await stop.CancelAsync().ConfigureAwait(false);
            await dispatching.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        if (!ended)
        {
            onBytes(length);
        }
    }

    /// <summary>
    /// Decodes the row groups in order, the next one while the current one's rows are validated, and hands out the
    /// validation of each <see cref="ChunkRows"/> rows as a task of its own, in row order. At most two groups' columns are
    /// held at once, and only the rows in flight are records: a row group can be hundreds of MiB of text.
    /// </summary>
    private static async Task DispatchAsync(
        ReaderPool readers, RowGroup[] groups, (int Field, DataField Data)[] columns, ChannelWriter<Task<RecordOutcome[]>> writer, CancellationToken ct)
    {
        var handedOut = new List<Task>();
        Task<DecodedGroup>? next = null;
        try
        {
            next = groups.Length > 0 ? Task.Run(() => DecodeAsync(readers, groups[0], columns, ct), ct) : null;
            for (var g = 0; g < groups.Length; g++)
            {
                var decoded = await next!.ConfigureAwait(false);
                var following = g + 1 < groups.Length ? groups[g + 1] : null;
                next = following is null ? null : Task.Run(() => DecodeAsync(readers, following, columns, ct), ct);
                if (decoded.Broken is { } broken)
                {
                    await writer.WriteAsync(Task.FromResult<RecordOutcome[]>([broken]), ct).ConfigureAwait(false);
                    break;
                }

                for (var start = 0; start < decoded.Rows; start += ChunkRows)
                {
                    var (from, count) = (start, Math.Min(ChunkRows, decoded.Rows - start));
                    await writer.WaitToWriteAsync(ct).ConfigureAwait(false);
                    var task = Task.Run(() => Validate(decoded, from, count), ct);
                    handedOut.Add(task);
                    await writer.WriteAsync(task, ct).ConfigureAwait(false);
                }

                handedOut.RemoveAll(t => t.IsCompleted);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
        finally
        {
            // The readers are disposed after this returns: nothing may still be decoding with one.
            Task[] pending = next is null ? [.. handedOut] : [next, .. handedOut];
            await Task.WhenAll(pending).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One row group's columns. A group that cannot be decoded (corrupt pages) is a break: the rows of the groups before
    /// it were read and stay counted, like the records before a break in a gzip stream.
    /// </summary>
    private static async Task<DecodedGroup> DecodeAsync(ReaderPool readers, RowGroup group, (int Field, DataField Data)[] columns, CancellationToken ct)
    {
        var lease = await readers.RentAsync(ct).ConfigureAwait(false);
        try
        {
            return new DecodedGroup(group, columns, await ReadRowGroupAsync(lease.Reader, group.Index, columns, ct).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not InputFileException)
        {
            var offset = RowGroupOffset(lease.Reader, group.Index);
            return new DecodedGroup(group, columns, [], RecordOutcome.Broken(new CompressedStreamBrokenException(CompressedBreak.Corrupt, offset, null,
                $"row group {group.Index + 1} of {lease.Reader.RowGroupCount}, at byte {offset}, cannot be decoded ({e.Message})")));
        }
        finally
        {
            readers.Return(lease);
        }
    }

    /// <summary>Rows <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> of a decoded group, validated, in row order.</summary>
    private static RecordOutcome[] Validate(DecodedGroup decoded, int from, int count)
    {
        var outcomes = new RecordOutcome[count];
        var record = new RawRecord();
        for (var i = 0; i < count; i++)
        {
            record.Clear();
            for (var c = 0; c < decoded.Columns.Length; c++)
            {
                record.Set(decoded.Columns[c].Field, decoded.Values[c].At(from + i));
            }

            outcomes[i] = new RecordOutcome(decoded.Group.FirstRow + from + i + 1, ExchangeValidator.Validate(record));
        }

        return outcomes;
    }

    /// <summary>A row group's decoded columns, or the break that stopped its decoding.</summary>
    private sealed record DecodedGroup(RowGroup Group, (int Field, DataField Data)[] Columns, ColumnValues[] Values, RecordOutcome? Broken)
    {
        public int Rows => Values.Length == 0 ? 0 : Values[0].Count;
    }

    /// <summary>Row group <paramref name="Index"/>: its rows follow the <paramref name="FirstRow"/> rows of the groups before it.</summary>
    private sealed record RowGroup(int Index, long FirstRow, long Rows);

    /// <summary>An open reader and the stream under it.</summary>
    private sealed record Lease(Stream Stream, ParquetReader Reader, long Length);

    /// <summary>
    /// Readers of one file, each over a stream of its own, lent to one row group at a time and disposed together. The
    /// first one opened reads the footer and refuses a file that has none.
    /// </summary>
    private sealed class ReaderPool(string path) : IAsyncDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<Lease> _idle = [];
        private readonly System.Collections.Concurrent.ConcurrentBag<Lease> _all = [];
        public async Task<Lease> RentAsync(CancellationToken ct)
        {
            if (_idle.TryTake(out var idle))
            {
                return idle;
            }

            var stream = InputFiles.OpenSeekable(path);
            try
            {
                var reader = await GuardAny(path, () => ParquetReader.CreateAsync(stream, null, false, ct),
                    $"the file is {stream.Length} bytes and ends without a readable Parquet footer, so none of it can be read; ").ConfigureAwait(false);
                var lease = new Lease(stream, reader, stream.Length);
                _all.Add(lease);
                return lease;
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        public void Return(Lease lease) => _idle.Add(lease);

        public async ValueTask DisposeAsync()
        {
            foreach (var lease in _all)
            {
                await lease.Reader.DisposeAsync().ConfigureAwait(false);
                await lease.Stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Where row group <paramref name="group"/> begins in the file: its first page, as the footer records it.</summary>
    public static long RowGroupOffset(ParquetReader reader, int group)
    {
        if (reader.Metadata?.RowGroups is not { } groups || group >= groups.Count)
        {
            return 0;
        }

        var rowGroup = groups[group];
        var pages = rowGroup.Columns.Select(c => c.MetaData).OfType<Parquet.Meta.ColumnMetaData>()
            .Select(m => m.DictionaryPageOffset is { } d && d > 0 && d < m.DataPageOffset ? d : m.DataPageOffset)
            .DefaultIfEmpty(0);
        return rowGroup.FileOffset ?? pages.Min();
    }

    // Parquet.Net signals a corrupt file with several exception types; all of them mean "cannot read this file".
    private static async Task<T> GuardAny<T>(string path, Func<Task<T>> read, string context)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not InputFileException)
        {
            throw new InputFileException(path, $"not a readable Parquet file ({context}{e.Message})", e);
        }
    }

    private static async Task<ColumnValues[]> ReadRowGroupAsync(ParquetReader reader, int group, (int Field, DataField Data)[] columns, CancellationToken ct)
    {
        using var rowGroup = reader.OpenRowGroupReader(group);
        var n = checked((int)rowGroup.RowCount);
        var result = new ColumnValues[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            result[c] = await ReadColumnAsync(rowGroup, columns[c].Data, (Field)columns[c].Field, n, ct).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// One column of a row group as the values it holds. Numbers bound for a numeric field and instants bound for a
    /// date-time field keep their type (what the text they would be printed as parses back to); every other value is the
    /// text it prints as, so a number in a string field is read as it always was.
    /// </summary>
    private static async Task<ColumnValues> ReadColumnAsync(ParquetRowGroupReader rg, DataField f, Field field, int n, CancellationToken ct)
    {
        if (f.IsArray)
        {
            return new Constant(RawValue.OfOther("list"), n);
        }

        var t = f.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[n];
            await rg.ReadAsync(f, strings.AsMemory(), null, ct).ConfigureAwait(false);
            return new Typed<string>(strings, RawValue.OfText);
        }

        var numeric = IsNumeric(field);
        var instant = field is Field.Timestamp or Field.AccountCreatedAt;
        return t switch
        {
            _ when t == typeof(int) => await Read<int>(rg, f, n, numeric ? v => RawValue.OfInteger(v) : v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(long) => await Read<long>(rg, f, n, numeric ? RawValue.OfInteger : v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(short) => await Read<short>(rg, f, n, numeric ? v => RawValue.OfInteger(v) : v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(sbyte) => await Read<sbyte>(rg, f, n, numeric ? v => RawValue.OfInteger(v) : v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(byte) => await Read<byte>(rg, f, n, numeric ? v => RawValue.OfInteger(v) : v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(ushort) => await Read<ushort>(rg, f, n, numeric ? v => RawValue.OfInteger(v) : v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(uint) => await Read<uint>(rg, f, n, numeric ? v => RawValue.OfInteger(v) : v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(ulong) => await Read<ulong>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(double) => await Read<double>(rg, f, n, numeric ? RawValue.OfFloat : v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(float) => await Read<float>(rg, f, n, numeric ? v => RawValue.OfFloat(v) : v => RawValue.OfText(((double)v).ToString("R", CultureInfo.InvariantCulture)), ct).ConfigureAwait(false),
            _ when t == typeof(decimal) => await Read<decimal>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(DateTime) => await Read<DateTime>(rg, f, n, v => Time(new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)), instant), ct).ConfigureAwait(false),
            _ when t == typeof(DateTimeOffset) => await Read<DateTimeOffset>(rg, f, n, v => Time(v, instant), ct).ConfigureAwait(false),
            // A UUID column (DuckDB and Spark write uuid-looking ids so) is text in the contract: its canonical form.
            _ when t == typeof(Guid) => await Read<Guid>(rg, f, n, v => RawValue.OfText(v.ToString("D")), ct).ConfigureAwait(false),
            _ => new Constant(RawValue.OfOther(t.Name), n),
        };
    }

    private static bool IsNumeric(Field field) => field is Field.Asn or Field.TurnIndex or Field.InputTokens or Field.OutputTokens
        or Field.ReasoningTokens or Field.MaxTokens or Field.Temperature or Field.ToolsDeclared or Field.ToolCalls;

    private static async Task<ColumnValues> Read<T>(ParquetRowGroupReader rg, DataField f, int n, Func<T, RawValue> convert, CancellationToken ct)
        where T : struct
    {
        var values = new T?[n];
        await rg.ReadAsync<T>(f, values.AsMemory(), null, ct).ConfigureAwait(false);
        return new Nullable<T>(values, convert);
    }

    private static RawValue Num<T>(T value) where T : IFormattable =>
        RawValue.OfText(value.ToString(null, CultureInfo.InvariantCulture));

    // An instant read into a date-time field keeps its ticks; anywhere else it is the RFC 3339 text it prints as.
    private static RawValue Time(DateTimeOffset value, bool instant) => instant
        ? RawValue.OfInstant(value.UtcTicks)
        : RawValue.OfText(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    /// <summary>A column's values, made into cells one row at a time (so a row group holds its typed arrays, not a cell per value).</summary>
    private abstract class ColumnValues(int count)
    {
        public int Count { get; } = count;

        public abstract RawValue At(int row);
    }

    private sealed class Constant(RawValue value, int count) : ColumnValues(count)
    {
        public override RawValue At(int row) => value;
    }

    private sealed class Typed<T>(T?[] values, Func<T, RawValue> convert) : ColumnValues(values.Length)
        where T : class
    {
        public override RawValue At(int row) => values[row] is { } v ? convert(v) : default;
    }

    private sealed class Nullable<T>(T?[] values, Func<T, RawValue> convert) : ColumnValues(values.Length)
        where T : struct
    {
        public override RawValue At(int row) => values[row] is { } v ? convert(v) : default;
    }
}
