using System.CommandLine;
using DistillGuard.Cli.Commands;

namespace DistillGuard.Cli;

/// <summary>The `distillguard` command line: thin verbs over the pipeline's libraries.</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("DistillGuard: find, link and measure distillation campaigns in LLM API exchange logs.");
        root.Subcommands.Add(SimulateCommand.Build());
        root.Subcommands.Add(AnalyzeCommand.Build());
        root.Subcommands.Add(TrainCommand.Build());
        root.Subcommands.Add(OptionsCommand.Build());
        root.Subcommands.Add(BacktestCommand.Build());
        root.Subcommands.Add(ReplayCommand.Build());
        root.Subcommands.Add(EvaluateCommand.Build());
        root.Subcommands.Add(ExplainCommand.Build());
        root.Subcommands.Add(EvaluateSuiteCommand.Build());
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(BenchCommand.Build());
        root.Subcommands.Add(BenchLinkCommand.Build());
        root.Subcommands.Add(BenchSignalsCommand.Build());
        root.Subcommands.Add(TaxiiCommand.Build());
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(IntelCommand.Build(IntelShareCommands.Export(), IntelShareCommands.Match()));
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        return await parse.InvokeAsync();
    }
}
