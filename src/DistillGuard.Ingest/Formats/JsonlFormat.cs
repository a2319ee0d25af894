using System.IO.Compression;
using System.Runtime.CompilerServices;
using DistillGuard.Ingest.Validation;

namespace DistillGuard.Ingest.Formats;

/// <summary>Reads JSON Lines (optionally gzip-compressed) into validated records.</summary>
internal static class JsonlFormat
{
    public static async IAsyncEnumerable<RecordOutcome> ReadAsync(
        string path, bool gzip, IngestOptions options, Action<long> onBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        var file = InputFiles.Open(path, onBytes);
        Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        await using var streamScope = stream.ConfigureAwait(false);
        using var lines = new LineSplitter(stream, options.ReadBufferBytes, options.MaxRecordBytes);
        var record = new RawRecord();
        var maxMiB = options.MaxRecordBytes / (1024 * 1024);
        while (await InputFiles.Guard(path, lines.MoveNextAsync(ct)).ConfigureAwait(false))
        {
            if (lines.Oversized)
            {
                yield return new RecordOutcome(lines.LineNumber, ValidationResult.Reject($"record exceeds {maxMiB} MiB", null));
                continue;
            }

            var outcome = ParseLine(lines.Current.Span, lines.LineNumber, record);
            if (outcome is { } o)
            {
                yield return o;
            }
        }
    }

    private static RecordOutcome? ParseLine(ReadOnlySpan<byte> line, long lineNumber, RawRecord record)
    {
        if (lineNumber == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            line = line[3..];
        }

        if (JsonlRecordParser.IsBlank(line))
        {
            return null;
        }

        var error = JsonlRecordParser.Parse(line, record);
        return new RecordOutcome(lineNumber, error is null ? ExchangeValidator.Validate(record) : ValidationResult.Reject(error, null));
    }
}
