using System.CommandLine;
using DistillGuard.Analysis;
using DistillGuard.Core.Quantification;
using DistillGuard.Sharing.Keys;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard analyze`: logs in, verdicts, campaigns and report out.</summary>
internal static class AnalyzeCommand
{
    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "log file or folder (.jsonl, .jsonl.gz, .csv, .parquet)", Required = true };
        var output = new Option<string>("--out") { Description = "output folder", Required = true };
        var db = new Option<string?>("--db") { Description = "DuckDB file to store the run in (default: OUT/distillguard.duckdb)" };
        var key = new Option<string?>("--key-file") { Description = "local hashing key (created if missing; default: beside the database)" };
        var keepText = new Option<bool>("--keep-text") { Description = "also store raw prompt text (off: only keyed hashes)" };
        var model = new Option<string?>("--model") { Description = "model file written by train (default: the hand-set weights of docs/scoring.md)" };
        var optionsFile = new Option<string?>("--options") { Description = "detection options file (JSON; only what it changes, the rest stay defaults; `distillguard options` prints them all); with --model, the model's weights apply over it" };
        var sharingKey = new Option<string?>("--sharing-key-file") { Description = "a sharing group's key: also store every account's indicators hashed with it, for intel export and intel match" };
        var embeddings = EmbeddingSwitch.Build();
        var priceInput = new Option<double>("--price-input") { Description = "USD per million input tokens, for each campaign's estimated value", DefaultValueFactory = _ => ApiPrices.Default.InputPerMillion };
        var priceOutput = new Option<double>("--price-output") { Description = "USD per million output tokens", DefaultValueFactory = _ => ApiPrices.Default.OutputPerMillion };
        var priceReasoning = new Option<double>("--price-reasoning") { Description = "USD per million reasoning tokens", DefaultValueFactory = _ => ApiPrices.Default.ReasoningPerMillion };
        var workers = new Option<int>("--workers") { Description = "parsers and account partitions working at once (the outputs do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var store = new Option<string>("--store") { Description = "what goes to the database: none (no database), summary (run, verdicts, features, campaigns, edges; campaigns without day-by-day breakdown) or exchanges (also every minimised exchange)", DefaultValueFactory = _ => "exchanges" };
        store.AcceptOnlyFromAmong("none", "summary", "exchanges");
        var command = new Command("analyze", "Score every account, link campaigns and write accounts.csv, campaigns.json, summary.json, rejects.jsonl and report.html.")
        {
            input, output, db, key, keepText, model, optionsFile, sharingKey, embeddings, priceInput, priceOutput, priceReasoning, workers, store,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            var prices = new ApiPrices(parse.GetValue(priceInput), parse.GetValue(priceOutput), parse.GetValue(priceReasoning));
            // NaN and infinities are refused too, before any work: they would only fail when the value is written.
            if (!IsPrice(prices.InputPerMillion) || !IsPrice(prices.OutputPerMillion) || !IsPrice(prices.ReasoningPerMillion))
            {
                throw new ArgumentException("--price-input, --price-output and --price-reasoning must be finite numbers of at least 0 (USD per million tokens)");
            }

            if (parse.GetValue(workers) < 1)
            {
                throw new ArgumentException("--workers must be at least 1");
            }

            var level = Enum.Parse<StoreLevel>(parse.GetValue(store)!, ignoreCase: true);
            if (level == StoreLevel.None && parse.GetValue(sharingKey) is not null)
            {
                throw new ArgumentException("--sharing-key-file stores the accounts' indicators in the database; it needs --store summary or exchanges");
            }

            // Loaded before anything is created: a refused model or options file leaves no output behind.
            var scoring = ScoringChoice.From(parse.GetValue(model), parse.GetValue(optionsFile));
            using var encoder = EmbeddingSwitch.Open(parse.GetValue(embeddings));
            var outcome = await AnalysisRunner.RunAsync(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(db), parse.GetValue(key), parse.GetValue(keepText), ct, prices,
                parse.GetValue(sharingKey) is { } sharingPath ? SharingKey.FromFile(sharingPath) : null, scoring, EmbeddingSwitch.Options(encoder), new RunShape(parse.GetValue(workers), level));
            return await CliErrors.IncompleteInputs(outcome.Result.Run);
        }));
        return command;
    }

    private static bool IsPrice(double usdPerMillion) => double.IsFinite(usdPerMillion) && usdPerMillion >= 0;
}
