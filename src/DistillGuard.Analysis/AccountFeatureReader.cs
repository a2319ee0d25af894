using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Ingest;

namespace DistillGuard.Analysis;

/// <summary>Every account's features from a log, and the ingest counts behind them.</summary>
public sealed record AccountFeatureSet(IReadOnlyList<AccountFeatures> Features, IngestCounts Counts);

/// <summary>
/// The read → validate → features half of the pipeline, for hosts that need each account's features
/// without scoring them (training): the same reader, per-exchange signals, account table and feature
/// extractor as <see cref="AnalysisPipeline"/>, so a model is trained on exactly what analyze scores.
/// </summary>
public static class AccountFeatureReader
{
    private const int BatchSize = 2048;

    public static async Task<AccountFeatureSet> ReadAsync(string input, IRejectSink rejects, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        ArgumentNullException.ThrowIfNull(rejects);
        var reader = new ExchangeLogReader(rejects);
        var features = await FromAsync(reader.ReadAsync(input, ct), null, ct);
        if (reader.IncompleteFiles is [var broken, ..])
        {
            // A model is not trained on part of a file that says it is whole.
            throw new InputFileException(broken.File, $"{broken.Problem}: {broken.Detail} (a model is not trained on part of a file)", null);
        }

        return new AccountFeatureSet(features, reader.Counts);
    }

    /// <summary>
    /// Every account's features from exchanges already validated (a log's, or those a service stored), by account id;
    /// folded into <paramref name="table"/> when given (a service's states read back from its snapshot), else a new one.
    /// </summary>
    public static async Task<IReadOnlyList<AccountFeatures>> FromAsync(IAsyncEnumerable<Exchange> exchanges, AccountTable? table = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(exchanges);
        table ??= new AccountTable();
        var batch = new List<Exchange>(BatchSize);
        await foreach (var exchange in exchanges.WithCancellation(ct))
        {
            batch.Add(exchange);
            if (batch.Count == BatchSize)
            {
                Fold(batch, table, ct);
            }
        }

        Fold(batch, table, ct);
        return table.States.OrderBy(s => s.AccountId).Select(AccountFeatureExtractor.Extract).ToArray();
    }

    // Content signals are the costly part and independent per exchange; folding stays on one thread.
    private static void Fold(List<Exchange> batch, AccountTable table, CancellationToken ct)
    {
        var signals = new ExchangeSignals[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = ct }, i => signals[i] = ExchangeSignals.Of(batch[i]));
        for (var i = 0; i < batch.Count; i++)
        {
            table.Add(batch[i], signals[i]);
        }

        batch.Clear();
    }
}
