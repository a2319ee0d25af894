using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Privacy;
using DistillGuard.Core.Storage;
using DistillGuard.Ingest;

namespace DistillGuard.Analysis;

/// <summary>
/// The batch host of the pipeline: read → validate → features → link → score → store/report.
/// Reading runs on one task, content signals on the thread pool, state updates on one consumer,
/// so each account's state is touched by one thread only.
/// </summary>
public sealed class AnalysisPipeline(IAnalysisStore? store, TimeProvider time)
{
    public async Task<AnalysisOutcome> RunAsync(AnalysisOptions options, IProgress<AnalysisProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Parameters.Validate();
        Directory.CreateDirectory(options.OutDir);
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var runId = started.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var minimiser = new ExchangeMinimiser(new KeyedHasher(options.HashKey), options.KeepText);
        var table = new AccountTable();

        using var rejects = new JsonlRejectWriter(Path.Combine(options.OutDir, "rejects.jsonl"));
        var reader = new ExchangeLogReader(rejects);
        store?.BeginRun(new RunInfo(runId, started, TimeSpan.Zero, options.Input, options.ModelVersion, new RunCounts(0, 0, 0, 0)));

        var batches = Channel.CreateBounded<Exchange[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(reader, options, batches.Writer, ct), ct);
        long exchanges = 0;
        await foreach (var batch in batches.Reader.ReadAllAsync(ct))
        {
            var signals = new ExchangeSignals[batch.Length];
            Parallel.For(0, batch.Length, new ParallelOptions { CancellationToken = ct }, i => signals[i] = ExchangeSignals.Of(batch[i]));
            var stored = store is null ? null : new StoredExchange[batch.Length];
            for (var i = 0; i < batch.Length; i++)
            {
                table.Add(batch[i], signals[i]);
                if (stored is not null)
                {
                    stored[i] = minimiser.Minimise(batch[i], signals[i]);
                }
            }

            if (stored is not null)
            {
                store!.AppendExchanges(runId, stored);
            }

            exchanges += batch.Length;
            progress?.Report(new AnalysisProgress("reading", reader.BytesRead, reader.TotalBytes, exchanges));
        }

        await producer;
        progress?.Report(new AnalysisProgress("scoring", reader.BytesRead, reader.TotalBytes, exchanges));
        var counts = reader.Counts;
        var runCounts = new RunCounts(counts.Read, counts.Accepted, counts.Rejected, counts.Duplicates);
        var scored = AccountScoring.Score(table, options.Parameters);
        var campaigns = CampaignQuantifier.Summarise(scored, table, store, runId);
        var run = new RunInfo(runId, started, clock.Elapsed, options.Input, options.ModelVersion, runCounts);
        var result = new AnalysisResult(run, scored.Verdicts.Accounts, campaigns);
        progress?.Report(new AnalysisProgress("writing", reader.BytesRead, reader.TotalBytes, exchanges));
        OutputFiles.Write(options.OutDir, result, scored.Features);
        store?.CompleteRun(result, scored.Features);
        return new AnalysisOutcome(result, scored.Features, table.MeanStateBytes);
    }

    private static async Task ProduceAsync(ExchangeLogReader reader, AnalysisOptions options, ChannelWriter<Exchange[]> writer, CancellationToken ct)
    {
        try
        {
            var batch = new List<Exchange>(options.BatchSize);
            await foreach (var exchange in reader.ReadAsync(options.Input, ct))
            {
                batch.Add(exchange);
                if (batch.Count == options.BatchSize)
                {
                    await writer.WriteAsync([.. batch], ct);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await writer.WriteAsync([.. batch], ct);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
            throw;
        }
    }
}

/// <summary>The result of a run plus what the hosts and benchmarks want to show about it.</summary>
public sealed record AnalysisOutcome(AnalysisResult Result, IReadOnlyList<AccountFeatures> Features, double MeanStateBytesPerAccount);
