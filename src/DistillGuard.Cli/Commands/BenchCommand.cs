using System.CommandLine;
using System.Diagnostics;
using DistillGuard.Analysis;
using DistillGuard.Ingest;
using DistillGuard.Storage;
using Spectre.Console;

namespace DistillGuard.Cli.Commands;

/// <summary>
/// `distillguard bench`: end-to-end analyze throughput against a parse-only pass over the same
/// file, measured in one process, plus the per-account state size and peak working set.
/// </summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "log file or folder to measure on", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "measured repetitions of each pass (best is reported)", DefaultValueFactory = _ => 3 };
        var embeddings = EmbeddingSwitch.Build();
        var command = new Command("bench", "Measure end-to-end analyze throughput against parse-only throughput.") { input, repeat, embeddings };
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            await RunAsync(parse.GetValue(input)!, Math.Max(1, parse.GetValue(repeat)), parse.GetValue(embeddings), ct);
            return 0;
        }));
        return command;
    }

    private static async Task RunAsync(string input, int repeat, string? embeddings, CancellationToken ct)
    {
        var parseRates = new List<double>();
        var endToEndRates = new List<double>();
        AnalysisOutcome? last = null;
        var scratch = Path.Combine(Path.GetTempPath(), "distillguard-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            for (var i = 0; i <= repeat; i++)
            {
                var (count, parseSeconds) = await ParseOnlyAsync(input, ct);
                var runDir = Path.Combine(scratch, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(runDir);
                var clock = Stopwatch.StartNew();
                // A fresh encoder per pass, as in one `analyze` process: the model load and an empty cache are part of the cost.
                using (var encoder = EmbeddingSwitch.Open(embeddings))
                using (var store = new DuckDbAnalysisStore(Path.Combine(runDir, "bench.duckdb")))
                {
                    var options = new AnalysisOptions { Input = input, OutDir = runDir, HashKey = new byte[32], Embeddings = EmbeddingSwitch.Options(encoder) };
                    last = await new AnalysisPipeline(store, TimeProvider.System).RunAsync(options, null, ct);
                }

                var endToEnd = clock.Elapsed.TotalSeconds;
                if (i == 0)
                {
                    continue; // warm-up: JIT and file cache
                }

                parseRates.Add(count / parseSeconds);
                endToEndRates.Add(last!.Result.Run.Counts.Read / endToEnd);
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        var table = new Table().AddColumns("pass", "exchanges/s (best)", "exchanges/s (median)");
        table.AddRow("parse only", $"{parseRates.Max():N0}", $"{Median(parseRates):N0}");
        table.AddRow("analyze end to end", $"{endToEndRates.Max():N0}", $"{Median(endToEndRates):N0}");
        AnsiConsole.Write(table);
        Console.WriteLine($"ratio end-to-end / parse-only (best): {endToEndRates.Max() / parseRates.Max():0.00}");
        Console.WriteLine($"records read: {last!.Result.Run.Counts.Read:N0}; accounts: {last.Result.Accounts.Count:N0}");
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
        var reader = new ExchangeLogReader(new NullRejectSink());
        await foreach (var _ in reader.ReadAsync(input, ct))
        {
        }

        return (reader.Counts.Read, clock.Elapsed.TotalSeconds);
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
