using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using DistillGuard.Core.Detection;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Privacy;
using DistillGuard.Core.Storage;
using DistillGuard.Ingest;

namespace DistillGuard.Analysis;

/// <summary>
/// The batch host of the pipeline: read → validate → features → link → score → store/report.
/// Stages overlap: one task reads (its lines parsed in blocks on the thread pool, in order), content signals of
/// each batch run on the thread pool (in order of arrival), the accounts' partitions fold them into account states
/// (<see cref="AccountPartitions"/>), and one task appends the minimised rows to the store. Each account's state is
/// touched by one thread only, and the outputs do not depend on <see cref="AnalysisOptions.Workers"/>.
/// </summary>
public sealed class AnalysisPipeline(IAnalysisStore? store, TimeProvider time)
{
    public async Task<AnalysisOutcome> RunAsync(AnalysisOptions options, IProgress<AnalysisProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Detection.Validate();
        var detectionOptions = DetectionOptionsJson.Write(options.Detection);
        Directory.CreateDirectory(options.OutDir);
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var runId = started.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        using var hasher = new KeyedHasher(options.HashKey);
        var minimiser = new ExchangeMinimiser(hasher, options.KeepText);
        var partitions = new AccountPartitions(options.Workers, options.SharingKey is not null, options.Embeddings is null ? null : hasher.Hash("wrapper-sample-salt"));

        // The model loads while the log is read, instead of after it.
        var preparing = options.Embeddings is { } embeddings ? Task.Run(embeddings.Encoder.Prepare, ct) : Task.CompletedTask;

        // Rejects are written beside their final name and moved into place with the other outputs, so a killed run
        // leaves the previous run's complete set of files.
        var rejectsPath = Path.Combine(options.OutDir, "rejects.jsonl");
        using var rejects = new JsonlRejectWriter(rejectsPath + ".partial");
        var reader = new ExchangeLogReader(rejects, new IngestOptions { SkipFolder = options.OutDir, Window = TimestampWindow.Until(started), ParseWorkers = options.Workers });
        store?.BeginRun(new RunInfo(runId, started, TimeSpan.Zero, options.Input, options.ModelVersion, new RunCounts(0, 0, 0, 0)) { DetectionOptions = detectionOptions });

        // Exchange rows cost more to append than everything else a run does to an exchange; a run for verdicts only skips them.
        var keepExchanges = store is not null && options.Store == StoreLevel.Exchanges;
        var enriched = Channel.CreateBounded<Task<EnrichedBatch>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var toStore = Channel.CreateBounded<StoredExchange[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(reader, options, batch => Enrich(batch, minimiser, keepExchanges, ct), enriched.Writer, ct), ct);
        var storing = Task.Run(() => StoreAsync(toStore.Reader, runId, ct), ct);
        long exchanges = 0;
        try
        {
            await foreach (var pending in enriched.Reader.ReadAllAsync(ct))
            {
                var batch = await pending;
                await partitions.AddAsync(batch.Exchanges, batch.Signals, exchanges, ct);
                if (batch.Stored is not null)
                {
                    await toStore.Writer.WriteAsync(batch.Stored, ct);
                }

                exchanges += batch.Exchanges.Length;
                progress?.Report(new AnalysisProgress("reading", reader.BytesRead, reader.TotalBytes, exchanges));
            }
        }
        catch
        {
            partitions.Abandon();
            throw;
        }
        finally
        {
            toStore.Writer.TryComplete();
        }

        var (table, sharing, wrappers) = await partitions.CompleteAsync();
        await producer;
        await storing;
        await preparing;
        progress?.Report(new AnalysisProgress("scoring", reader.BytesRead, reader.TotalBytes, exchanges));
        var counts = reader.Counts;
        var runCounts = new RunCounts(counts.Read, counts.Accepted, counts.Rejected, counts.Duplicates);
        var scored = AccountScoring.Score(table, options.Detection, wrappers is null ? null : (options.Embeddings!, wrappers, exchanges));
        var campaigns = CampaignQuantifier.Summarise(scored, table, keepExchanges ? store : null, runId, options.Prices);
        var run = new RunInfo(runId, started, clock.Elapsed, options.Input, options.ModelVersion, runCounts) { DetectionOptions = detectionOptions, IncompleteInputs = [.. reader.IncompleteFiles] };
        var result = new AnalysisResult(run, scored.Verdicts.Accounts, campaigns);
        progress?.Report(new AnalysisProgress("writing", reader.BytesRead, reader.TotalBytes, exchanges));
        rejects.Dispose();
        File.Move(rejectsPath + ".partial", rejectsPath, overwrite: true);
        // The output files, the evidence edges and the rest of the results go to different places, so they are written at
        // once; the run is marked complete in the store only once all of them are written.
        if (store is null)
        {
            OutputFiles.Write(options.OutDir, result, scored.Features);
        }
        else
        {
            var edges = EdgeMinimiser.Minimise(scored.Edges, hasher);
            await Task.Run(() => store.CompleteRun(result, scored.Features, edges, () => OutputFiles.Write(options.OutDir, result, scored.Features)), ct);
        }

        if (sharing is not null && store is not null)
        {
            progress?.Report(new AnalysisProgress("sharing fingerprints", reader.BytesRead, reader.TotalBytes, exchanges));
            var flagged = result.Accounts.Where(a => a.Verdict == Verdict.Distillation).Select(a => a.AccountId).ToHashSet();
            var content = table.States.ToDictionary(s => s.AccountId, SharingMaterial.AccountContent.Of);
            store.SaveSharingFingerprints(runId, options.SharingKey!.KeyId, sharing.Hash(options.SharingKey, flagged, content));
        }
        return new AnalysisOutcome(result, scored.Features, table.MeanStateBytes, scored.Embeddings);
    }

    private static EnrichedBatch Enrich(Exchange[] batch, ExchangeMinimiser minimiser, bool keep, CancellationToken ct)
    {
        var signals = new ExchangeSignals[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            ct.ThrowIfCancellationRequested();
            signals[i] = ExchangeSignals.Of(batch[i]);
        }

        return new EnrichedBatch(batch, signals, keep ? minimiser.Minimise(batch, signals) : null);
    }

    private async Task StoreAsync(ChannelReader<StoredExchange[]> rows, string runId, CancellationToken ct)
    {
        await foreach (var batch in rows.ReadAllAsync(ct))
        {
            store!.AppendExchanges(runId, batch);
        }
    }

    private static async Task ProduceAsync(
        ExchangeLogReader reader, AnalysisOptions options, Func<Exchange[], EnrichedBatch> enrich,
        ChannelWriter<Task<EnrichedBatch>> writer, CancellationToken ct)
    {
        try
        {
            var batch = new List<Exchange>(options.BatchSize);
            await foreach (var exchange in reader.ReadAsync(options.Input, ct))
            {
                batch.Add(exchange);
                if (batch.Count == options.BatchSize)
                {
                    Exchange[] full = [.. batch];
                    await writer.WriteAsync(Task.Run(() => enrich(full), ct), ct);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                Exchange[] last = [.. batch];
                await writer.WriteAsync(Task.Run(() => enrich(last), ct), ct);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
            throw;
        }
    }

    private sealed record EnrichedBatch(Exchange[] Exchanges, ExchangeSignals[] Signals, StoredExchange[]? Stored);
}

/// <summary>The result of a run plus what the hosts and benchmarks want to show about it.</summary>
public sealed record AnalysisOutcome(AnalysisResult Result, IReadOnlyList<AccountFeatures> Features, double MeanStateBytesPerAccount, EmbeddingReport Embeddings);
