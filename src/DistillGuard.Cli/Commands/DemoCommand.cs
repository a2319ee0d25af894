using System.CommandLine;
using DistillGuard.Evaluation;
using DistillGuard.Simulation;
using Spectre.Console;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard demo`: simulate the default scenario, analyse it, evaluate it, point at the report.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--out") { Description = "working folder", DefaultValueFactory = _ => Path.Combine("out", "demo") };
        var scenario = new Option<string>("--scenario") { DefaultValueFactory = _ => "default", Description = "scenario to simulate" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 7, Description = "random seed" };
        var command = new Command("demo", "Simulate, analyse and evaluate the default scenario end to end.") { output, scenario, seed };
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            var root = Path.GetFullPath(parse.GetValue(output)!);
            var data = Path.Combine(root, "data");
            var analysis = Path.Combine(root, "analysis");
            var sim = SimulateCommand.Run(new SimulationOptions(parse.GetValue(scenario)!, parse.GetValue(seed), data), ct);
            AnsiConsole.MarkupLineInterpolated($"simulated {sim.Exchanges:N0} exchanges from {sim.Accounts:N0} accounts ({sim.CampaignAccounts:N0} in {sim.Campaigns.Count} campaigns)");
            var dbPath = Path.Combine(analysis, "distillguard.duckdb");
            if (File.Exists(dbPath))
            {
                File.Delete(dbPath);
            }

            await AnalysisRunner.RunAsync(sim.ExchangesPath, analysis, dbPath, null, keepText: false, ct);
            var evaluation = EvaluateCommand.Run(Path.Combine(analysis, "accounts.csv"), sim.LabelsPath);
            Console.Out.Write(EvaluationReport.ToText(evaluation));
            AnsiConsole.MarkupLineInterpolated($"report: [link]{Path.Combine(analysis, "report.html")}[/]");
            return 0;
        }));
        return command;
    }
}
