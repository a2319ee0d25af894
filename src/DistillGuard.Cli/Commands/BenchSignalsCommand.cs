using System.CommandLine;
using System.Diagnostics;
using DistillGuard.Core.Content;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Similarity;
using DistillGuard.Core.Sketches;
using DistillGuard.Ingest;
using Spectre.Console;

namespace DistillGuard.Cli.Commands;

/// <summary>
/// `distillguard bench-signals`: the per-exchange cost of the content signals (<see cref="ExchangeSignals.Of"/> and each
/// of its parts) on one thread, over the exchanges of a log held in memory: nanoseconds and bytes allocated per exchange.
/// </summary>
internal static class BenchSignalsCommand
{
    /// <summary>Measured passes over the exchanges per part when not given (after one warm-up pass).</summary>
    private const int DefaultRepeat = 5;

    private const double NanosecondsPerSecond = 1e9;

    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "log file or folder whose exchanges are measured", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "measured passes per part (the median and the best are reported)", DefaultValueFactory = _ => DefaultRepeat };
        var command = new Command("bench-signals", "Measure the per-exchange cost of the content signals (ExchangeSignals.Of and its parts) on one thread.") { input, repeat };
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            await RunAsync(parse.GetValue(input)!, Math.Max(1, parse.GetValue(repeat)), ct);
            return 0;
        }));
        return command;
    }

    private static async Task RunAsync(string input, int repeat, CancellationToken ct)
    {
        var exchanges = new List<Exchange>();
        var reader = new ExchangeLogReader(new NullRejectSink(), new IngestOptions());
        await foreach (var exchange in reader.ReadAsync(input, ct))
        {
            exchanges.Add(exchange);
        }

        var parts = new (string Name, Func<Exchange, ulong> Run)[]
        {
            ("ExchangeSignals.Of (all)", e => (ulong)ExchangeSignals.Of(e).GetHashCode()),
            ("CapabilityClassifier.Classify", e => (ulong)CapabilityClassifier.Default.Classify(e.Prompt, e.ToolsDeclared ?? 0)),
            ("ReasoningElicitation.Detect", e => ReasoningElicitation.Detect(e.Prompt, e.SystemPrompt) ? 1UL : 0UL),
            ("StableHash.Of(prompt)", e => StableHash.Of(e.Prompt)),
            ("TemplateKeys.Of", e => TemplateKeys.Of(e.Prompt).Head),
            ("StableHash.Of(system prompt)", e => string.IsNullOrEmpty(e.SystemPrompt) ? 0 : StableHash.Of(e.SystemPrompt)),
        };

        var table = new Table().AddColumns("part", "ns/exchange (median)", "ns/exchange (best)", "bytes/exchange");
        var sink = 0UL;
        foreach (var (name, run) in parts)
        {
            var times = new List<double>();
            var bytes = 0.0;
            for (var pass = 0; pass <= repeat; pass++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                foreach (var exchange in exchanges)
                {
                    sink += run(exchange);
                }

                var seconds = clock.Elapsed.TotalSeconds;
                if (pass > 0)
                {
                    times.Add(seconds * NanosecondsPerSecond / exchanges.Count);
                    bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)exchanges.Count;
                }
            }

            times.Sort();
            table.AddRow(name, $"{times[times.Count / 2]:N0}", $"{times[0]:N0}", $"{bytes:N0}");
        }

        AnsiConsole.Write(table);
        var mean = exchanges.Count == 0 ? 0 : exchanges.Average(e => (double)e.Prompt.Length);
        Console.WriteLine($"exchanges: {exchanges.Count:N0}; mean prompt length {mean:N0} chars; checksum {sink:x16}");
    }

    private sealed class NullRejectSink : IRejectSink
    {
        public void Add(RejectedRecord reject)
        {
        }
    }
}
