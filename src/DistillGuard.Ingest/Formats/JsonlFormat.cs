using System.Runtime.CompilerServices;
using DistillGuard.Ingest.Validation;

namespace DistillGuard.Ingest.Formats;

/// <summary>Reads JSON Lines (optionally gzip-compressed) into validated records.</summary>
internal static class JsonlFormat
{
    /// <summary>Why a line cut short by a break in the compressed stream is rejected.</summary>
    public const string CutLineReason = "record cut short: the compressed stream breaks inside it (see incomplete_files in summary.json)";

    public static async IAsyncEnumerable<RecordOutcome> ReadAsync(
        string path, bool gzip, IngestOptions options, Action<long> onBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        Stream stream = gzip ? new GzipMemberStream(InputFiles.OpenSeekable(path), onBytes) : InputFiles.Open(path, onBytes);
        await using var streamScope = stream.ConfigureAwait(false);
        using var lines = new LineSplitter(stream, options.ReadBufferBytes, options.MaxRecordBytes);
        var record = new RawRecord();
        var maxMiB = options.MaxRecordBytes / (1024 * 1024);
        while (true)
        {
            bool more;
            CompressedStreamBrokenException? broken = null;
            try
            {
                more = await InputFiles.Guard(path, lines.MoveNextAsync(ct)).ConfigureAwait(false);
            }
            catch (CompressedStreamBrokenException e)
            {
                broken = e;
                more = false;
            }

            if (broken is not null)
            {
                // Every line before the break is whole and was read; the line the break cut is rejected, never taken
                // as a record; the break itself ends the file.
                if (lines.TakeCutLine(out var cutLine, out var oversized)
                    && (oversized || !JsonlRecordParser.IsBlank(WithoutBom(lines.Current.Span, cutLine))))
                {
                    yield return new RecordOutcome(cutLine, ValidationResult.Reject(CutLineReason, null));
                }

                yield return RecordOutcome.Broken(broken);
                yield break;
            }

            if (!more)
            {
                yield break;
            }

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

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> line, long lineNumber) =>
        lineNumber == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? line[3..] : line;

    private static RecordOutcome? ParseLine(ReadOnlySpan<byte> line, long lineNumber, RawRecord record)
    {
        line = WithoutBom(line, lineNumber);
        if (JsonlRecordParser.IsBlank(line))
        {
            return null;
        }

        var error = JsonlRecordParser.Parse(line, record);
        return new RecordOutcome(lineNumber, error is null ? ExchangeValidator.Validate(record) : ValidationResult.Reject(error, null));
    }
}
