using System.Globalization;
using System.Text;
using CsvHelper;

namespace DistillGuard.Csv;

/// <summary>
/// The one writer of every CSV file DistillGuard writes (accounts.csv, account_features.csv, matches.csv, labels.csv):
/// CsvHelper with RFC 4180 quoting, UTF-8 without a byte-order mark and LF line ends. Each column is declared text or
/// number by the method that writes it: text (ids, names, reasons) is neutralised against formula injection by
/// <see cref="SpreadsheetText"/> and quoted when neutralised; numbers are written as numbers, so a negative value stays one.
/// </summary>
public sealed class CsvOutput : IDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        Injection = CsvInjection.Escape,
        InjectionCharacters = SpreadsheetText.FormulaStarts,
        InjectionEscape = SpreadsheetText.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        WriteByteOrderMark = false,
    };

    private readonly CsvWriter _csv;

    private CsvOutput(CsvWriter csv) => _csv = csv;

    /// <summary>A writer into <paramref name="stream"/>, which it closes unless <paramref name="leaveOpen"/>.</summary>
    public static CsvOutput Create(Stream stream, bool leaveOpen = false) => new(CsvWriter.Create(stream, Options, leaveOpen));

    /// <summary>The CSV text of <paramref name="write"/>'s rows.</summary>
    public static string Format(Action<CsvOutput> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var memory = new MemoryStream();
        using (var csv = Create(memory, leaveOpen: true))
        {
            write(csv);
        }

        return Encoding.UTF8.GetString(memory.ToArray());
    }

    /// <summary>A header row of column names.</summary>
    public CsvOutput Header(params ReadOnlySpan<string> columns)
    {
        foreach (var column in columns)
        {
            Text(column);
        }

        return Row();
    }

    /// <summary>A text field: neutralised against formula injection, quoted when it needs quotes or was neutralised.</summary>
    public CsvOutput Text(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && value[0] == SpreadsheetText.Escape && SpreadsheetText.NeedsEscape(value))
        {
            // Quotes before a formula character: escaped here so the rule stays reversible; CsvHelper escapes the rest.
            _csv.WriteField(SpreadsheetText.Escape + value, CsvQuoting.Always);
        }
        else
        {
            _csv.WriteField(value);
        }

        return this;
    }

    /// <summary>A number field, formatted with the invariant culture; never neutralised.</summary>
    public CsvOutput Number<T>(T value, string? format = null)
        where T : struct, IUtf8SpanFormattable
    {
        _csv.WriteField(value, format);
        return this;
    }

    /// <summary>A nullable number field: empty when null.</summary>
    public CsvOutput Number<T>(T? value, string? format = null)
        where T : struct, IUtf8SpanFormattable
    {
        _csv.WriteField(value, format);
        return this;
    }

    /// <summary>Ends the current row.</summary>
    public CsvOutput Row()
    {
        _csv.EndRecord();
        return this;
    }

    public void Dispose() => _csv.Dispose();
}
