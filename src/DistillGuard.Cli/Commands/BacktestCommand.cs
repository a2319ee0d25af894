using System.CommandLine;
using System.Globalization;
using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Model;
using DistillGuard.Core.Storage;
using DistillGuard.Evaluation;
using DistillGuard.Service.Decisions;
using DistillGuard.Storage;
using Spectre.Console;
using static DistillGuard.Cli.Commands.ConsoleText;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard backtest`: a candidate policy replayed over a stored run beside the current one.</summary>
internal static class BacktestCommand
{
    /// <summary>Changed accounts listed on the terminal (the most exchanges first); the count says how many there were.</summary>
    private const int ShownChanges = 40;

    public static Command Build()
    {
        var db = new Option<string>("--db") { Description = "DuckDB file written by analyze", Required = true };
        var policy = new Option<string>("--policy") { Description = "candidate policy file", Required = true };
        var against = new Option<string?>("--against") { Description = "policy it would replace (default: the built-in policy)" };
        var run = new Option<string?>("--run") { Description = "run id (default: the latest complete run)" };
        var labels = new Option<string?>("--labels") { Description = "labels.csv of the run's log, to count each policy's false positives" };
        var command = new Command("backtest", "Replay a stored run's verdicts through a candidate policy: which accounts' actions change, how many exchanges each policy would have blocked or throttled, and with labels the false positives each causes.")
        {
            db, policy, against, run, labels,
        };
        command.SetAction((parse, _) => CliErrors.Guard(() =>
        {
            var candidate = PolicyFiles.Read(parse.GetValue(policy)!);
            var current = parse.GetValue(against) is { } path ? PolicyFiles.Read(path) : Policy.Default;
            var labelled = parse.GetValue(labels) is { } labelsPath ? LabelsCsv.Read(labelsPath).ToDictionary(l => l.AccountId) : null;
            var (store, result) = StoredRunLookup.Open(parse.GetValue(db)!, parse.GetValue(run));
            using var opened = store;
            Print(result.Run, Backtest.Compare(result.Accounts, candidate, current, labelled, result.Run.StartedAt));
            return Task.FromResult(0);
        }));
        return command;
    }

    private static void Print(RunInfo run, BacktestResult backtest)
    {
        WriteLine("run", $"{run.RunId} ({run.Input})");
        var totals = new Table().AddColumns("action", Header("current", backtest.Against), Header("candidate", backtest.Candidate));
        foreach (var action in Enum.GetValues<EnforcementAction>())
        {
            totals.AddRow(Cell(action.ToContract()), Cell(Pair(backtest.Against.ByAction[action])), Cell(Pair(backtest.Candidate.ByAction[action])));
        }

        if (backtest.Against.FalsePositives is not null)
        {
            totals.AddRow(Cell("organic accounts acted on (false positives)"), Cell(FalsePositives(backtest.Against)), Cell(FalsePositives(backtest.Candidate)));
            totals.AddRow(Cell("campaign accounts acted on"), Cell(Caught(backtest.Against)), Cell(Caught(backtest.Candidate)));
        }

        AnsiConsole.Write(totals);
        WriteLine("accounts whose action changes", backtest.Changes.Count.ToString("N0", CultureInfo.InvariantCulture));
        if (backtest.Changes.Count == 0)
        {
            return;
        }

        var changes = new Table().AddColumns("account", "verdict", "risk", "campaign", "exchanges", "current → candidate", "label");
        foreach (var change in backtest.Changes.Take(ShownChanges))
        {
            changes.AddRow(
                Cell(change.AccountId.Value), Cell(change.Verdict.ToContract()), Cell(change.Risk.ToString("0.000", CultureInfo.InvariantCulture)),
                Cell(change.CampaignId?.Value ?? "—"), Cell(change.Exchanges.ToString("N0", CultureInfo.InvariantCulture)),
                Cell($"{change.Against.ToContract()} → {change.Candidate.ToContract()}"),
                Cell(change.IsCampaign switch { true => "campaign", false => "organic", null => "—" }));
        }

        AnsiConsole.Write(changes);
        if (backtest.Changes.Count > ShownChanges)
        {
            WriteLine("not shown", $"{backtest.Changes.Count - ShownChanges:N0} more, fewer exchanges each");
        }
    }

    private static void WriteLine(string term, string value)
    {
        AnsiConsole.Write(Line(term, value));
        AnsiConsole.WriteLine();
    }

    /// <summary>A policy's column heading; a shadow policy is judged on what it would do, and says so.</summary>
    private static string Header(string role, PolicyOutcome outcome) =>
        Markup.Escape($"{role} ({Printable(outcome.PolicyVersion)}{(outcome.Shadow ? ", shadow: as if enforced" : "")}): accounts / exchanges");

    private static string Pair((int Accounts, long Exchanges) counts) =>
        string.Create(CultureInfo.InvariantCulture, $"{counts.Accounts:N0} / {counts.Exchanges:N0}");

    private static string FalsePositives(PolicyOutcome outcome) =>
        outcome.FalsePositives == 0 ? "0"
        : $"{outcome.FalsePositives} ({string.Join(", ", outcome.FalsePositiveKinds!.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))})";

    private static string Caught(PolicyOutcome outcome) => $"{outcome.CampaignAccountsActedOn} of {outcome.CampaignAccounts}";
}
