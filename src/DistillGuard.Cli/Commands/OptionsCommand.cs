using System.CommandLine;
using DistillGuard.Core.Detection;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard options`: the detection options root, every option with its default, as JSON for <c>analyze --options</c>.</summary>
internal static class OptionsCommand
{
    public static Command Build()
    {
        var output = new Option<string?>("--out") { Description = "file to write (default: standard output)" };
        var command = new Command("options", "Print every detection option with its default (the options root, as analyze --options and train --options read it; docs/scoring.md says what each means).")
        {
            output,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            var text = DetectionOptionsJson.Write(DetectionOptions.Default);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text, ct);
            }
            else
            {
                await Console.Out.WriteAsync(text.AsMemory(), ct);
            }

            return 0;
        }));
        return command;
    }
}
