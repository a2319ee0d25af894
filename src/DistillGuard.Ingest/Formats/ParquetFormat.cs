using System.Globalization;
using System.Runtime.CompilerServices;
using DistillGuard.Ingest.Validation;
using Parquet;
using Parquet.Schema;

namespace DistillGuard.Ingest.Formats;

/// <summary>
/// Reads Parquet row groups with Parquet.Net; typed values are converted to text (numbers invariant,
/// timestamps as RFC 3339 UTC) and go through the same validation as CSV cells. Row numbers are 1-based over the file.
/// </summary>
internal static class ParquetFormat
{
    public static async IAsyncEnumerable<RecordOutcome> ReadAsync(
        string path, Action<long> onBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        // Parquet.Net needs a seekable stream (footer first), so progress is reported per file, not per read.
        var stream = InputFiles.OpenSeekable(path);
        await using var streamScope = stream.ConfigureAwait(false);
        var reader = await GuardAny(path, () => ParquetReader.CreateAsync(stream, null, false, ct),
            $"the file is {stream.Length} bytes and ends without a readable Parquet footer, so none of it can be read; ").ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        var columns = reader.Schema.Fields.OfType<DataField>()
            .Select(f => (Field: FieldNames.Find(f.Name), Data: f))
            .Where(c => c.Field >= 0)
            .ToArray();
        var record = new RawRecord();
        long row = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            // A row group that cannot be decoded (corrupt pages) breaks the file there: the rows of the groups before it
            // were read and stay counted, like the records before a break in a gzip stream.
            RawValue[][] values;
            CompressedStreamBrokenException? broken = null;
            try
            {
                values = await ReadRowGroupAsync(reader, g, columns.Select(c => c.Data).ToArray(), ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not InputFileException)
            {
                var offset = RowGroupOffset(reader, g);
                broken = new CompressedStreamBrokenException(CompressedBreak.Corrupt, offset, null,
                    $"row group {g + 1} of {reader.RowGroupCount}, at byte {offset}, cannot be decoded ({e.Message})");
                values = [];
            }

            if (broken is not null)
            {
                yield return RecordOutcome.Broken(broken);
                yield break;
            }

            var rows = values.Length == 0 ? 0 : values[0].Length;
            for (var i = 0; i < rows; i++)
            {
                record.Clear();
                for (var c = 0; c < columns.Length; c++)
                {
                    record.Set(columns[c].Field, values[c][i]);
                }

                yield return new RecordOutcome(++row, ExchangeValidator.Validate(record));
            }
        }

        onBytes(stream.Length);
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

    private static async Task<RawValue[][]> ReadRowGroupAsync(ParquetReader reader, int group, DataField[] fields, CancellationToken ct)
    {
        using var rowGroup = reader.OpenRowGroupReader(group);
        var n = checked((int)rowGroup.RowCount);
        var result = new RawValue[fields.Length][];
        for (var c = 0; c < fields.Length; c++)
        {
            result[c] = await ReadColumnAsync(rowGroup, fields[c], n, ct).ConfigureAwait(false);
        }

        return result;
    }

    private static async Task<RawValue[]> ReadColumnAsync(ParquetRowGroupReader rg, DataField f, int n, CancellationToken ct)
    {
        if (f.IsArray)
        {
            return Enumerable.Repeat(RawValue.OfOther("list"), n).ToArray();
        }

        var t = f.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[n];
            await rg.ReadAsync(f, strings.AsMemory(), null, ct).ConfigureAwait(false);
            return Array.ConvertAll(strings, s => s is null ? default : RawValue.OfText(s));
        }

        return t switch
        {
            _ when t == typeof(int) => await Read<int>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(long) => await Read<long>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(short) => await Read<short>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(sbyte) => await Read<sbyte>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(byte) => await Read<byte>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(ushort) => await Read<ushort>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(uint) => await Read<uint>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(ulong) => await Read<ulong>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(double) => await Read<double>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(float) => await Read<float>(rg, f, n, v => RawValue.OfText(((double)v).ToString("R", CultureInfo.InvariantCulture)), ct).ConfigureAwait(false),
            _ when t == typeof(decimal) => await Read<decimal>(rg, f, n, v => Num(v), ct).ConfigureAwait(false),
            _ when t == typeof(DateTime) => await Read<DateTime>(rg, f, n, v => Time(new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc))), ct).ConfigureAwait(false),
            _ when t == typeof(DateTimeOffset) => await Read<DateTimeOffset>(rg, f, n, Time, ct).ConfigureAwait(false),
            _ => Enumerable.Repeat(RawValue.OfOther(t.Name), n).ToArray(),
        };
    }

    private static async Task<RawValue[]> Read<T>(ParquetRowGroupReader rg, DataField f, int n, Func<T, RawValue> convert, CancellationToken ct)
        where T : struct
    {
        var values = new T?[n];
        await rg.ReadAsync<T>(f, values.AsMemory(), null, ct).ConfigureAwait(false);
        return Array.ConvertAll(values, v => v is { } x ? convert(x) : default);
    }

    private static RawValue Num<T>(T value) where T : IFormattable =>
        RawValue.OfText(value.ToString(null, CultureInfo.InvariantCulture));

    private static RawValue Time(DateTimeOffset value) =>
        RawValue.OfText(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
}
