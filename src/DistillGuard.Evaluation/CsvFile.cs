using CsvHelper;
using DistillGuard.Csv;

namespace DistillGuard.Evaluation;

/// <summary>Shared CsvHelper setup for the evaluation inputs: RFC 4180, header required, malformed rows are errors.</summary>
internal static class CsvFile
{
    public static CsvReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvaluationInputException(path, 0, "file not found");
        }

        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        return CsvReader.FromFile(path, options);
    }

    /// <summary>
    /// An id as written: the formula neutralisation of the CSV writer undone (<see cref="SpreadsheetText.Restore"/>,
    /// a leading quote before a formula character), then the surrounding whitespace trimmed.
    /// </summary>
    public static string? Id(string? field) => field is null ? null : SpreadsheetText.Restore(field).Trim();

    public static int Column(CsvReader csv, string path, string name)
    {
        try
        {
            if (csv.TryGetFieldIndex(name, out var i))
            {
                return i;
            }
        }
        catch (CsvFormatException e)
        {
            throw new EvaluationInputException(path, 1, "malformed header: " + e.Message);
        }

        throw new EvaluationInputException(path, 1, $"header lacks column '{name}'");
    }

    /// <summary>Advances to the next row; malformed quoting becomes an error naming file and line.</summary>
    public static bool Next(CsvReader csv, string path)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new EvaluationInputException(path, csv.LineNumber, "malformed CSV: " + e.Message);
        }
    }

    public static void CheckShape(CsvReader csv, string path)
    {
        if (csv.FieldCount != csv.Headers.Count)
        {
            throw new EvaluationInputException(path, csv.LineNumber, $"expected {csv.Headers.Count} columns, got {csv.FieldCount}");
        }
    }
}
