using DistillGuard.Analysis;
using DistillGuard.Core.Model;
using DistillGuard.Core.Quantification;
using DistillGuard.Sharing.Keys;
using DistillGuard.Storage;
using Spectre.Console;

namespace DistillGuard.Cli.Commands;

/// <summary>Runs one analysis with a DuckDB store and a progress bar; shared by `analyze` and `demo`.</summary>
internal static class AnalysisRunner
{
    public static async Task<AnalysisOutcome> RunAsync(string input, string outDir, string? db, string? keyFile, bool keepText, CancellationToken ct, ApiPrices? prices = null, SharingKey? sharingKey = null, ScoringChoice? scoring = null, EmbeddingOptions? embeddings = null, RunShape? shape = null)
    {
        var dbPath = db ?? Path.Combine(outDir, "distillguard.duckdb");
        var keyPath = keyFile ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dbPath))!, "distillguard.key");
        Directory.CreateDirectory(outDir);
        var options = new AnalysisOptions
        {
            Input = input,
            OutDir = outDir,
            KeepText = keepText,
            HashKey = HashKeyFile.LoadOrCreate(keyPath),
            Prices = prices ?? ApiPrices.Default,
            SharingKey = sharingKey,
            Detection = (scoring ?? ScoringChoice.Default).Options,
            ModelVersion = (scoring ?? ScoringChoice.Default).Version,
            Embeddings = embeddings,
            Workers = (shape ?? RunShape.Default).Workers,
            Store = (shape ?? RunShape.Default).Store,
        };

        using var store = options.Store == StoreLevel.None ? null : new DuckDbAnalysisStore(dbPath);
        var pipeline = new AnalysisPipeline(store, TimeProvider.System);
        AnalysisOutcome? outcome = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                // A line per stage (reading, scoring, writing, ...), each complete once the next begins: a terminal shows
                // every stage's time, and a log that is not a terminal shows each stage as it begins, not only how far
                // reading has come. Reports come on the thread pool, in any order: one of a stage already left, or come
                // after the run, is dropped.
                var gate = new Lock();
                var stages = new List<(string Name, ProgressTask Task)>();
                var done = false;
                var progress = new Progress<AnalysisProgress>(p =>
                {
                    lock (gate)
                    {
                        var at = stages.FindIndex(s => s.Name == p.Stage);
                        if (done || (at >= 0 && at < stages.Count - 1))
                        {
                            return;
                        }

                        if (at < 0)
                        {
                            if (stages.Count > 0)
                            {
                                Finish(stages[^1].Task);
                            }

                            stages.Add((p.Stage, context.AddTask(p.Stage, maxValue: 1)));
                        }

                        var task = stages[^1].Task;
                        task.Description = $"{p.Stage} ({p.Exchanges:N0} exchanges)";
                        if (stages.Count == 1)
                        {
                            // The first stage reads the input: its share of the bytes is known.
                            task.Value = p.TotalBytes == 0 ? 0 : Math.Min(1, p.BytesRead / (double)p.TotalBytes);
                        }
                        else
                        {
                            task.IsIndeterminate = true;
                        }
                    }
                });
                outcome = await pipeline.RunAsync(options, progress, ct);
                lock (gate)
                {
                    done = true;
                    foreach (var (_, task) in stages)
                    {
                        Finish(task);
                    }
                }
            });

        Print(outcome!, outDir, store is null ? null : dbPath);
        if (embeddings is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"embeddings: {outcome!.Embeddings.Describe()}");
        }

        return outcome!;
    }

    private static void Finish(ProgressTask task)
    {
        task.IsIndeterminate = false;
        task.Value = task.MaxValue;
    }

    private static void Print(AnalysisOutcome outcome, string outDir, string? dbPath)
    {
        var run = outcome.Result.Run;
        var table = new Table().AddColumns("read", "accepted", "rejected", "duplicates", "accounts", "flagged", "campaigns", "wall time");
        table.AddRow(
            run.Counts.Read.ToString("N0"), run.Counts.Accepted.ToString("N0"), run.Counts.Rejected.ToString("N0"),
            run.Counts.Duplicates.ToString("N0"), outcome.Result.Accounts.Count.ToString("N0"),
            outcome.Result.Accounts.Count(a => a.Verdict == Verdict.Distillation).ToString("N0"),
            outcome.Result.Campaigns.Count.ToString("N0"), $"{run.WallTime.TotalSeconds:0.0} s");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"outputs in [bold]{outDir}[/] (accounts.csv, campaigns.json, summary.json, rejects.jsonl, report.html); run [bold]{run.RunId}[/] {(dbPath is null ? "not stored (--store none)" : "stored in " + dbPath)}");
    }
}

/// <summary>How a run is carried out rather than what it finds: parsers and partitions at once, and how much is stored.</summary>
internal sealed record RunShape(int Workers, StoreLevel Store)
{
    public static RunShape Default { get; } = new(Environment.ProcessorCount, StoreLevel.Exchanges);
}
