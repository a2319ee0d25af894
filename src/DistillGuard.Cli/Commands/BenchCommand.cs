using System.CommandLine;
using System.Diagnostics;
using DistillGuard.Analysis;
using DistillGuard.Ingest;
using DistillGuard.Storage;
using Spectre.Console;

namespace DistillGuard.Cli.Commands;

/// <summary>
/// `distillguard bench`: end-to-end analyze throughput against two anchors on the same file, measured in one process and
/// alternated pass by pass (so a neighbour's load falls on all three alike): a parse-only pass with two parsers, and
/// DuckDB's read_json_auto with a GROUP BY account_id. Also the bytes allocated per exchange, the per-account state size
/// and the peak working set.
/// </summary>
internal static class BenchCommand
{
    /// <summary>Parsers of the parse-only anchor: the issue's yardstick is a two-worker parse.</summary>
    private const int AnchorParsers = 2;

    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "log file or folder to measure on", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "measured repetitions of each pass (the median is reported)", DefaultValueFactory = _ => 3 };
        var store = new Option<string>("--store") { Description = "what analyze stores: none, summary or exchanges", DefaultValueFactory = _ => "exchanges" };
        store.AcceptOnlyFromAmong("none", "summary", "exchanges");
        var duckdb = new Option<bool>("--duckdb") { Description = "also time DuckDB read_json_auto (read_parquet for Parquet) + GROUP BY account_id", DefaultValueFactory = _ => true };
        var parquet = new Option<string?>("--parquet-copy") { Description = "first write the JSON Lines input as Parquet to this file (DuckDB COPY), then measure on the Parquet file" };
        var embeddings = EmbeddingSwitch.Build();
        var command = new Command("bench", "Measure end-to-end analyze throughput against a two-parser parse-only pass and DuckDB on the same file.") { input, repeat, store, duckdb, parquet, embeddings };
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            var level = Enum.Parse<StoreLevel>(parse.GetValue(store)!, ignoreCase: true);
            var measured = parse.GetValue(input)!;
            if (parse.GetValue(parquet) is { } copy)
            {
                var clock = Stopwatch.StartNew();
                var rows = JsonGroupByAnchor.WriteParquet(measured, copy);
                Console.WriteLine($"wrote {rows:N0} rows to {copy} ({new FileInfo(copy).Length / (1024.0 * 1024):0} MiB) in {clock.Elapsed.TotalSeconds:0.0} s");
                measured = copy;
            }

            await RunAsync(measured, Math.Max(1, parse.GetValue(repeat)), level, parse.GetValue(duckdb), parse.GetValue(embeddings), ct);
            return 0;
        }));
        return command;
    }

    private static async Task RunAsync(string input, int repeat, StoreLevel level, bool duckdb, string? embeddings, CancellationToken ct)
    {
        var parseRates = new List<double>();
        var duckRates = new List<double>();
        var endToEndRates = new List<double>();
        var allocated = new List<double>();
        AnalysisOutcome? last = null;
        var scratch = Path.Combine(Path.GetTempPath(), "distillguard-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            for (var i = 0; i <= repeat; i++)
            {
                var (count, parseSeconds) = await ParseOnlyAsync(input, ct);
                var duck = duckdb ? DuckDbPass(input) : ((long, double)?)null;
                var runDir = Path.Combine(scratch, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(runDir);
                var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                // A fresh encoder per pass, as in one `analyze` process: the model load and an empty cache are part of the cost.
                using (var encoder = EmbeddingSwitch.Open(embeddings))
                using (var store = level == StoreLevel.None ? null : new DuckDbAnalysisStore(Path.Combine(runDir, "bench.duckdb")))
                {
                    var options = new AnalysisOptions { Input = input, OutDir = runDir, HashKey = new byte[32], Embeddings = EmbeddingSwitch.Options(encoder), Store = level };
                    last = await new AnalysisPipeline(store, TimeProvider.System).RunAsync(options, null, ct);
                }

                var endToEnd = clock.Elapsed.TotalSeconds;
                var read = last!.Result.Run.Counts.Read;
                if (i == 0)
                {
                    continue; // warm-up: JIT and file cache
                }

                parseRates.Add(count / parseSeconds);
                endToEndRates.Add(read / endToEnd);
                allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / (double)Math.Max(1, read));
                if (duck is { } d)
                {
                    duckRates.Add(d.Item1 / d.Item2);
                }
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        var table = new Table().AddColumns("pass (alternated)", "exchanges/s (median)", "exchanges/s (best)");
        table.AddRow($"parse only, {AnchorParsers} parsers", $"{Median(parseRates):N0}", $"{parseRates.Max():N0}");
        if (duckRates.Count > 0)
        {
            table.AddRow($"DuckDB {(input.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? "read_parquet" : "read_json_auto")} + GROUP BY account_id", $"{Median(duckRates):N0}", $"{duckRates.Max():N0}");
        }

        table.AddRow($"analyze end to end (--store {level.ToString().ToLowerInvariant()}, {Environment.ProcessorCount} workers)", $"{Median(endToEndRates):N0}", $"{endToEndRates.Max():N0}");
        AnsiConsole.Write(table);
        Console.WriteLine($"ratio end-to-end / parse-only (medians): {Median(endToEndRates) / Median(parseRates):0.00}");
        if (duckRates.Count > 0)
        {
            Console.WriteLine($"ratio end-to-end / DuckDB (medians): {Median(endToEndRates) / Median(duckRates):0.00}");
        }

        Console.WriteLine($"records read: {last!.Result.Run.Counts.Read:N0}; accounts: {last.Result.Accounts.Count:N0}");
        Console.WriteLine($"allocated by analyze: {Median(allocated):N0} bytes per exchange (median; all threads, GC.GetTotalAllocatedBytes)");
        Console.WriteLine($"account state: {last.MeanStateBytesPerAccount:0} bytes per account (mean)");
        if (embeddings == "on")
        {
            Console.WriteLine($"embeddings (last pass): {last.Embeddings.Describe()}");
        }

        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB");
    }

    private static async Task<(long Count, double Seconds)> ParseOnlyAsync(string input, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var reader = new ExchangeLogReader(new NullRejectSink(), new IngestOptions { ParseWorkers = AnchorParsers });
        await foreach (var _ in reader.ReadAsync(input, ct))
        {
        }

        return (reader.Counts.Read, clock.Elapsed.TotalSeconds);
    }

    private static (long Rows, double Seconds) DuckDbPass(string input)
    {
        var clock = Stopwatch.StartNew();
        var (rows, _) = JsonGroupByAnchor.Run(input);
        return (rows, clock.Elapsed.TotalSeconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private sealed class NullRejectSink : IRejectSink
    {
        public void Add(RejectedRecord reject)
        {
        }
    }
}
