using System.CommandLine;
using DistillGuard.Evaluation;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard evaluate`: score accounts.csv against labels.csv.</summary>
internal static class EvaluateCommand
{
    public static Command Build()
    {
        var accounts = new Option<string>("--accounts") { Description = "accounts.csv written by analyze", Required = true };
        var labels = new Option<string>("--labels") { Description = "labels.csv ground truth", Required = true };
        var command = new Command("evaluate", "Print precision, recall, F1, organic FPR per kind, campaigns found and pairwise linking quality.") { accounts, labels };
        command.SetAction((parse, _) => CliErrors.Guard(() =>
        {
            Console.Out.Write(EvaluationReport.ToText(Run(parse.GetValue(accounts)!, parse.GetValue(labels)!)));
            return Task.FromResult(0);
        }));
        return command;
    }

    public static EvaluationResult Run(string accountsPath, string labelsPath) =>
        Evaluator.Evaluate(AccountsCsv.Read(accountsPath), LabelsCsv.Read(labelsPath));
}
