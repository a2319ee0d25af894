using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DistillGuard.Ingest.Validation;

namespace DistillGuard.Ingest.Formats;

/// <summary>
/// Reads JSON Lines (optionally gzip-compressed) into validated records. One reader splits the (decompressed) stream into
/// blocks of whole lines with their line numbers; up to <see cref="IngestOptions.ParseWorkers"/> blocks are parsed at
/// once on the thread pool, and their outcomes come back in file order, so line numbers, rejects and "first occurrence
/// wins" are what a one-thread read gives.
/// </summary>
internal static class JsonlFormat
{
    /// <summary>Why a line cut short by a break in the compressed stream is rejected.</summary>
    public const string CutLineReason = "record cut short: the compressed stream breaks inside it (see incomplete_files in summary.json)";

    public static async IAsyncEnumerable<RecordOutcome> ReadAsync(
        string path, bool gzip, IngestOptions options, Action<long> onBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        if (options.ParseWorkers <= 1)
        {
            await foreach (var block in BlocksAsync(path, gzip, options, onBytes, ct).ConfigureAwait(false))
            {
                foreach (var outcome in block.Parse())
                {
                    yield return outcome;
                }
            }

            yield break;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var parsed = Channel.CreateBounded<Task<RecordOutcome[]>>(new BoundedChannelOptions(options.ParseWorkers * 2) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => DispatchAsync(BlocksAsync(path, gzip, options, onBytes, stop.Token), parsed.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var pending in parsed.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                foreach (var outcome in await pending.ConfigureAwait(false))
                {
                    yield return outcome;
                }
            }

            await reading.ConfigureAwait(false);
        }
        finally
        {
            // A consumer that stops early (or fails) stops the reader; its own failure was already seen through the channel.
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private static async Task DispatchAsync(IAsyncEnumerable<LineBlock> blocks, ChannelWriter<Task<RecordOutcome[]>> writer, CancellationToken ct)
    {
        try
        {
            await foreach (var block in blocks.ConfigureAwait(false))
            {
                await writer.WriteAsync(Task.Run(block.Parse, ct), ct).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    /// <summary>The file as blocks of whole lines; blank lines are left out, a BOM on line 1 is dropped.</summary>
    private static async IAsyncEnumerable<LineBlock> BlocksAsync(
        string path, bool gzip, IngestOptions options, Action<long> onBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        Stream stream = gzip ? new GzipMemberStream(InputFiles.OpenSeekable(path), onBytes) : InputFiles.Open(path, onBytes);
        await using var streamScope = stream.ConfigureAwait(false);
        using var lines = new LineSplitter(stream, options.ReadBufferBytes, options.MaxRecordBytes);
        var maxMiB = options.MaxRecordBytes / (1024 * 1024);
        var block = new LineBlock(options.BlockBytes, options.BlockLines);
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
                    block.AddDecided(new RecordOutcome(cutLine, ValidationResult.Reject(CutLineReason, null)));
                }

                block.AddDecided(RecordOutcome.Broken(broken));
                yield return block;
                yield break;
            }

            if (!more)
            {
                if (block.Count > 0)
                {
                    yield return block;
                }

                yield break;
            }

            if (lines.Oversized)
            {
                block.AddDecided(new RecordOutcome(lines.LineNumber, ValidationResult.Reject($"record exceeds {maxMiB} MiB", null)));
            }
            else if (!JsonlRecordParser.IsBlank(WithoutBom(lines.Current.Span, lines.LineNumber)))
            {
                if (block.Count > 0 && !block.Fits(WithoutBom(lines.Current.Span, lines.LineNumber).Length))
                {
                    // Hand the block over full rather than copy it into a larger buffer for one more line; the line
                    // stays current in the splitter meanwhile.
                    yield return block;
                    block = new LineBlock(options.BlockBytes, options.BlockLines);
                }

                block.AddLine(WithoutBom(lines.Current.Span, lines.LineNumber), lines.LineNumber);
            }

            if (block.Bytes >= options.BlockBytes || block.Count >= options.BlockLines)
            {
                yield return block;
                block = new LineBlock(options.BlockBytes, options.BlockLines);
            }
        }
    }

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> line, long lineNumber) =>
        lineNumber == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? line[3..] : line;
}
