using DistillGuard.Cli;
using Spectre.Console;

// Written to a file or a pipe there is no terminal width: Spectre then assumes 80 columns and wraps
// evidence tables mid-value, so redirected output gets a width that keeps ids and reasons whole.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 200;
}

return await CliApp.RunAsync(args);
