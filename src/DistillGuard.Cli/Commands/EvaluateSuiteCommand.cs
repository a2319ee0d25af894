using System.CommandLine;
using System.Globalization;
using DistillGuard.Analysis;
using DistillGuard.Evaluation;
using DistillGuard.Simulation;
using DistillGuard.Storage;
using Spectre.Console;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard evaluate-suite`: simulate, analyse and evaluate scenarios over seeds, as one table.</summary>
internal static class EvaluateSuiteCommand
{
    public static Command Build()
    {
        var scenarios = new Option<string>("--scenarios") { Description = "comma-separated scenario names", DefaultValueFactory = _ => string.Join(",", Scenarios.Names) };
        var seeds = new Option<string>("--seeds") { Description = "comma-separated seeds", DefaultValueFactory = _ => "201,202,203" };
        var corpora = new Option<string?>("--corpora") { Description = "folder with organic/ and extraction/ JSONL corpora; adds a corpus-driven row per scenario and seed" };
        var work = new Option<string?>("--work") { Description = "working folder (default: a temporary one, removed afterwards)" };
        var embeddings = EmbeddingSwitch.Build();
        var command = new Command("evaluate-suite", "Simulate, analyse and evaluate every scenario and seed; print precision, recall, organic FPR per kind and campaigns found.")
        {
            scenarios, seeds, corpora, work, embeddings,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            var names = parse.GetValue(scenarios)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // A misspelt name fails at once, not after the scenarios before it have run.
            if (names.FirstOrDefault(n => !Scenarios.Names.Contains(n, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                throw new ArgumentException($"Unknown scenario '{unknown}'. Valid scenarios: {string.Join(", ", Scenarios.Names)}.");
            }

            var seedList = parse.GetValue(seeds)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            using var encoder = EmbeddingSwitch.Open(parse.GetValue(embeddings));
            var root = parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "distillguard-suite-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                var rows = new List<(string Scenario, int Seed, string Prompts, EvaluationResult Result)>();
                foreach (var name in names)
                {
                    foreach (var seed in seedList)
                    {
                        rows.Add((name, seed, "procedural", await RunOne(Path.Combine(root, $"{name}-{seed}"), new SimulationOptions(name, seed, Path.Combine(root, $"{name}-{seed}", "data")), encoder, ct)));
                        if (parse.GetValue(corpora) is { } corpus)
                        {
                            var dir = Path.Combine(root, $"{name}-{seed}-corpora");
                            rows.Add((name, seed, "corpora", await RunOne(dir, new SimulationOptions(name, seed, Path.Combine(dir, "data"), Path.Combine(corpus, "organic"), Path.Combine(corpus, "extraction")), encoder, ct)));
                        }
                    }
                }

                Console.Out.Write(SuiteTable.Render(rows));
                return 0;
            }
            finally
            {
                if (parse.GetValue(work) is null && Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        }));
        return command;
    }

    private static async Task<EvaluationResult> RunOne(string dir, SimulationOptions options, EmbeddingSwitch.Encoder? encoder, CancellationToken ct)
    {
        var sim = Simulator.Run(options, null, ct);
        var output = Path.Combine(dir, "out");
        using (var store = new DuckDbAnalysisStore(Path.Combine(dir, "suite.duckdb")))
        {
            var analysis = new AnalysisOptions { Input = sim.ExchangesPath, OutDir = output, HashKey = HashKeyFile.LoadOrCreate(Path.Combine(dir, "suite.key")), Embeddings = EmbeddingSwitch.Options(encoder) };
            await new AnalysisPipeline(store, TimeProvider.System).RunAsync(analysis, null, ct);
        }

        var result = Evaluator.Evaluate(AccountsCsv.Read(Path.Combine(output, "accounts.csv")), LabelsCsv.Read(sim.LabelsPath));
        AnsiConsole.MarkupLineInterpolated($"{options.Scenario} seed {options.Seed}{(options.OrganicPromptsPath is null ? "" : " (corpora)")}: precision {result.Precision:0.000}, recall {result.Recall:0.000}");
        return result;
    }
}

/// <summary>The suite's results as a Markdown table (pasted as is into docs/evaluation.md).</summary>
internal static class SuiteTable
{
    public static string Render(IReadOnlyList<(string Scenario, int Seed, string Prompts, EvaluationResult Result)> rows)
    {
        var kinds = rows.SelectMany(r => r.Result.OrganicFprByKind.Select(k => k.Kind)).Distinct().Order(StringComparer.Ordinal).ToArray();
        var text = new System.Text.StringBuilder();
        text.Append("| scenario | seed | prompts | precision | recall | organic FPR | ")
            .AppendJoin(" | ", kinds.Select(k => "FPR " + k))
            .Append(" | campaigns found | most splits | worst exchange error | pair precision | pair recall |\n|")
            .Append(string.Concat(Enumerable.Repeat("---|", 13 + kinds.Length - 2))).Append('\n');
        foreach (var (scenario, seed, prompts, r) in rows)
        {
            var fpr = kinds.Select(k => r.OrganicFprByKind.FirstOrDefault(x => x.Kind == k) is { } rate ? F(rate.Rate) : "–");
            text.Append(CultureInfo.InvariantCulture, $"| {scenario} | {seed} | {prompts} | {F(r.Precision)} | {F(r.Recall)} | {F(r.OrganicFpr)} | ")
                .AppendJoin(" | ", fpr)
                .Append(CultureInfo.InvariantCulture, $" | {r.CampaignsFound} of {r.TrueCampaigns} | {Splits(r)} | {ExchangeError(r)} | {F(r.PairPrecision)} | {F(r.PairRecall)} |\n");
        }

        return text.ToString();
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The most predicted campaigns one found true campaign was split into.</summary>
    private static string Splits(EvaluationResult r) =>
        r.Campaigns.Where(c => c.Found).Select(c => c.PredictedClusters).DefaultIfEmpty().Max().ToString(CultureInfo.InvariantCulture);

    /// <summary>The largest relative error of a found campaign's exchange count, as a percentage.</summary>
    private static string ExchangeError(EvaluationResult r) =>
        r.Campaigns.Where(c => c.Found).Select(c => c.ExchangeError).DefaultIfEmpty().Max().ToString("0.0 %", CultureInfo.InvariantCulture);
}
