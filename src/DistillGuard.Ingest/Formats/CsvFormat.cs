using System.Runtime.CompilerServices;
using System.Text.Unicode;
using CsvHelper;
using DistillGuard.Ingest.Validation;

namespace DistillGuard.Ingest.Formats;

/// <summary>Reads RFC 4180 CSV with a header of field names; every cell is text and an empty cell is absent.</summary>
internal static class CsvFormat
{
    public static async IAsyncEnumerable<RecordOutcome> ReadAsync(
        string path, IngestOptions options, Action<long> onBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        CsvMalformedReason? malformed = null;
        var csvOptions = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            OnMalformedRecord = m => malformed ??= m.Reason,
        };
        using var csv = CsvReader.Create(InputFiles.Open(path, onBytes), csvOptions, leaveOpen: false);
        int[]? columns = null;
        var record = new RawRecord();
        while (await InputFiles.Guard(path, csv.ReadAsync(ct)).ConfigureAwait(false))
        {
            columns ??= MapColumns(csv.Headers);
            var reason = malformed is { } m ? $"malformed CSV: {Describe(m)}" : Check(csv, columns.Length, options.MaxRecordBytes);
            malformed = null;
            if (reason is null)
            {
                Fill(csv, columns, record);
            }

            yield return new RecordOutcome(csv.LineNumber, reason is null ? ExchangeValidator.Validate(record) : ValidationResult.Reject(reason, null));
        }
    }

    private static int[] MapColumns(IReadOnlyList<string> headers)
    {
        var columns = new int[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            columns[i] = FieldNames.Find(headers[i].Trim());
        }

        return columns;
    }

    private static string? Check(CsvReader csv, int expectedColumns, int maxBytes)
    {
        if (csv.FieldCount != expectedColumns)
        {
            return $"wrong column count: expected {expectedColumns}, got {csv.FieldCount}";
        }

        var raw = csv.RawRecord;
        if (raw.Length > maxBytes)
        {
            return $"record exceeds {maxBytes / (1024 * 1024)} MiB";
        }

        return Utf8.IsValid(raw) ? null : "invalid UTF-8";
    }

    private static void Fill(CsvReader csv, int[] columns, RawRecord record)
    {
        record.Clear();
        for (var i = 0; i < columns.Length; i++)
        {
            var field = columns[i];
            if (field < 0)
            {
                continue;
            }

            var text = csv.GetString(i) ?? string.Empty;
            // CSV cannot tell an empty value from a missing one: empty is absent, except that an
            // empty prompt stays an empty prompt (valid with status 'error').
            if (text.Length > 0 || field == (int)Field.Prompt)
            {
                record.Set(field, RawValue.OfText(text));
            }
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "stray quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "quoted field never closed",
        CsvMalformedReason.LineBreakInQuotes => "line break inside quotes",
        CsvMalformedReason.FieldCountMismatch => "wrong column count",
        _ => "bad quoting",
    };
}
