using System.CommandLine;
using DistillGuard.Simulation;
using Spectre.Console;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard simulate`: a labelled synthetic log for a named scenario.</summary>
internal static class SimulateCommand
{
    public static Command Build()
    {
        var scenario = new Option<string>("--scenario") { Description = "scenario name: " + string.Join(", ", Scenarios.Names), DefaultValueFactory = _ => "default" };
        var seed = new Option<int>("--seed") { Description = "random seed (same seed, same bytes)", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "output folder", Required = true };
        var organic = new Option<string?>("--organic-prompts") { Description = "JSONL corpus ({\"text\":...}) for organic users' prompts" };
        var extraction = new Option<string?>("--extraction-prompts") { Description = "JSONL corpus for campaigns' harvesting prompts" };
        var operatorSeed = new Option<int?>("--operator-seed") { Description = "share the campaign operators' playbooks with another simulated provider that uses the same operator seed" };
        var command = new Command("simulate", "Write exchanges.jsonl.gz and labels.csv for a scenario.") { scenario, seed, output, organic, extraction, operatorSeed };
        command.SetAction((parse, ct) => CliErrors.Guard(() =>
        {
            var options = new SimulationOptions(parse.GetValue(scenario)!, parse.GetValue(seed), parse.GetValue(output)!, parse.GetValue(organic), parse.GetValue(extraction))
            {
                OperatorSeed = parse.GetValue(operatorSeed),
            };
            var result = Run(options, ct);
            AnsiConsole.MarkupLineInterpolated($"{result.Exchanges:N0} exchanges from {result.Accounts:N0} accounts ({result.CampaignAccounts:N0} in {result.Campaigns.Count} campaigns) → {result.ExchangesPath}, {result.LabelsPath}");
            return Task.FromResult(0);
        }));
        return command;
    }

    public static SimulationResult Run(SimulationOptions options, CancellationToken ct)
    {
        SimulationResult? result = null;
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask($"simulate {options.Scenario}", maxValue: 1);
            result = Simulator.Run(options, new Progress<double>(p => task.Value = p), ct);
            task.Value = 1;
        });
        return result!;
    }
}
