using DistillGuard.Cli;

return await CliApp.RunAsync(args);
