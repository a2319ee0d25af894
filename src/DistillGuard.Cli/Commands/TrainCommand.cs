using System.CommandLine;
using System.Globalization;
using DistillGuard.Analysis;
using DistillGuard.Core.Detection;
using DistillGuard.Core.Scoring;
using DistillGuard.Core.Training;
using Spectre.Console;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard train`: fit the account-level harvest model on labelled history and save a versioned model file.</summary>
internal static class TrainCommand
{
    public static Command Build()
    {
        var input = new Option<string?>("--input") { Description = "log file or folder (.jsonl, .jsonl.gz, .csv, .parquet), as for analyze (with --labels)" };
        var labels = new Option<string?>("--labels") { Description = "labels.csv (account_id,label,campaign_id[,kind]); 'campaign' accounts are the positives" };
        var db = new Option<string?>("--db")
        {
            Description = "a service store (serve --db): the labels analysts stored (POST /v1/labels, the dashboard) and the exchanges the service journalled; instead of --input and --labels. Stop the service first, or give a copy of the file",
        };
        var output = new Option<string>("--out") { Description = "model file to write (e.g. model.json)", Required = true };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty on the weights", DefaultValueFactory = _ => TrainingOptions.Default.L2 };
        var classWeight = new Option<ClassWeighting>("--class-weight") { Description = "balanced: each class carries half the loss; none: every account counts once", DefaultValueFactory = _ => TrainingOptions.Default.ClassWeighting };
        var prevalence = new Option<double>("--prevalence") { Description = "share of harvesting accounts the stored probabilities assume: the fitted bias is moved to it (prior correction, see docs/scoring.md)", DefaultValueFactory = _ => TrainingOptions.Default.Prevalence!.Value };
        var optionsFile = new Option<string?>("--options") { Description = "detection options file to train under (its curves shape the signals; it is stored in the model file)" };
        var command = new Command("train", "Fit the per-account signal weights and bias from labelled history (risk weights ≥ 0, mitigations ≤ 0) and write a model file for analyze --model.")
        {
            input, labels, db, output, l2, classWeight, prevalence, optionsFile,
        };
        command.Validators.Add(result =>
        {
            var fromStore = result.GetValue(db) is not null;
            var fromFiles = (result.GetValue(input), result.GetValue(labels)) switch
            {
                (null, null) => false,
                (not null, not null) => true,
                _ => (bool?)null,
            };
            if (fromFiles is null || fromStore == fromFiles)
            {
                result.AddError("give --input with --labels, or --db alone");
            }
        });
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            var options = new TrainingOptions { L2 = parse.GetValue(l2), ClassWeighting = parse.GetValue(classWeight), Prevalence = parse.GetValue(prevalence) };
            options.Validate();
            var root = parse.GetValue(optionsFile) is { } optionsPath ? DetectionOptionsFile.Load(optionsPath) : DetectionOptions.Default;
            var outcome = parse.GetValue(db) is { } store
                ? await TrainingRunner.RunFromStoreAsync(store, parse.GetValue(output)!, options, root, TimeProvider.System, ct)
                : await TrainingRunner.RunAsync(parse.GetValue(input)!, parse.GetValue(labels)!, parse.GetValue(output)!, options, root, TimeProvider.System, ct);
            Print(outcome);
            return 0;
        }));
        return command;
    }

    private static void Print(TrainingOutcome outcome)
    {
        var (input, fit) = (outcome.Model.Provenance.Input, outcome.Model.Provenance.Fit);
        var summary = new Table().AddColumns("training", "value");
        summary.AddRow("exchanges read / accepted / rejected / duplicates", $"{N(input.ExchangesRead)} / {N(input.ExchangesAccepted)} / {N(input.ExchangesRejected)} / {N(input.Duplicates)}");
        summary.AddRow("accounts in the input / unlabelled (left out)", $"{N(input.Accounts)} / {N(input.UnlabelledAccounts)}");
        summary.AddRow("accounts fitted: positives (campaign) / negatives (organic)", $"{N(fit.Accounts)}: {N(fit.Positives)} / {N(fit.Negatives)}");
        summary.AddRow("class weighting (positive / negative weight)", $"{fit.ClassWeighting.ToString().ToLowerInvariant()} ({F(fit.PositiveWeight)} / {F(fit.NegativeWeight)})");
        summary.AddRow("L2 penalty; iterations", $"{F(fit.L2)}; {fit.Iterations}{(fit.Converged ? " (converged)" : " (NOT converged)")}");
        summary.AddRow("log-loss on the training accounts (as fitted)", F(fit.Metrics.LogLoss));
        summary.AddRow($"precision / recall at the distillation threshold {F(fit.Metrics.Threshold)} (as fitted, account model alone)", $"{F(fit.Metrics.Precision)} / {F(fit.Metrics.Recall)}");
        summary.AddRow("bias as fitted → stored", $"{F(fit.FittedBias)} → {F(outcome.Model.Bias)}"
            + (fit.Prevalence is { } p ? $" (moved to a {p.ToString("0.###", CultureInfo.InvariantCulture)} share of harvesting accounts)" : " (not moved)"));
        AnsiConsole.Write(summary);

        var weights = new Table().AddColumns("signal", "direction", "fitted weight", "hand-set prior");
        weights.AddRow("bias", "", F(outcome.Model.Bias), F(ScoringParameters.Default.Bias));
        for (var i = 0; i < SignalWeights.AccountSignals.Count; i++)
        {
            var signal = SignalWeights.AccountSignals[i];
            weights.AddRow(signal, SignalWeights.Direction(signal) == SignalDirection.Risk ? "risk (≥ 0)" : "mitigation (≤ 0)",
                F(outcome.Model.Weights[i]), F(SignalWeights.Get(ScoringParameters.Default, signal)));
        }

        AnsiConsole.Write(weights);
        AnsiConsole.MarkupLineInterpolated($"model written to [bold]{outcome.ModelPath}[/]{(outcome.RejectsPath is { } rejects ? ", rejects to " + rejects : "")}; campaign and linking parameters are not trained (analyze --model keeps their defaults)");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
}
