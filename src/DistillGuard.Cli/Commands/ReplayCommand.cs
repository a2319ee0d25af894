using System.CommandLine;
using System.Globalization;
using DistillGuard.Cli.Replay;
using DistillGuard.Taxii.Client;
using Spectre.Console;
using static DistillGuard.Cli.Commands.ConsoleText;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard replay`: streams a log to a running service in timestamp order and reports each campaign's time to detection.</summary>
internal static class ReplayCommand
{
    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "log file or folder (.jsonl, .jsonl.gz)", Required = true };
        var server = new Option<string>("--server") { Description = "the service's base address, e.g. http://127.0.0.1:9500", Required = true };
        var tokenFile = new Option<string>("--token-file") { Description = "file holding the bearer token (the token alone, or {\"token\":\"...\"}); an admin token also relinks every --relink-every-hours of log time", Required = true };
        var speed = new Option<double>("--speed") { Description = "log seconds per wall-clock second (0: as fast as the service takes them)", DefaultValueFactory = _ => ReplayOptions.Default.Speed };
        var batch = new Option<int>("--batch") { Description = "records per request", DefaultValueFactory = _ => ReplayOptions.Default.BatchSize };
        var relinkHours = new Option<double>("--relink-every-hours") { Description = "log hours between relinks and looks at the campaigns", DefaultValueFactory = _ => ReplayOptions.Default.RelinkEvery.TotalHours };
        var command = new Command("replay", "Stream a log to a running distillguard serve in timestamp order, in batches, and print when each campaign the service found was first flagged.")
        {
            input, server, tokenFile, speed, batch, relinkHours,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            var hours = parse.GetValue(relinkHours);
            var options = new ReplayOptions(parse.GetValue(batch), double.IsFinite(hours) && hours > 0 ? TimeSpan.FromHours(hours) : TimeSpan.Zero, parse.GetValue(speed));
            options.Validate();
            var baseAddress = parse.GetValue(server)!;
            if (!Uri.TryCreate(baseAddress.EndsWith('/') ? baseAddress : baseAddress + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"--server '{baseAddress}' is not an http(s) address");
            }

            using var http = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", ClientTokenFile.Read(parse.GetValue(tokenFile)!));
            var lines = await TimedLines.ReadAsync(parse.GetValue(input)!, ct);
            ReplayOutcome? outcome = null;
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("replay", maxValue: Math.Max(1, lines.Count));
                outcome = await LogReplay.RunAsync(lines, new ServiceClient(http), options, new Progress<long>(sent => task.Value = sent), ct);
            });
            Print(outcome!);
            return 0;
        }));
        return command;
    }

    private static void Print(ReplayOutcome outcome)
    {
        AnsiConsole.Write(Line("sent", string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Sent:N0} records: {outcome.Accepted:N0} accepted, {outcome.Rejected:N0} rejected, {outcome.Duplicates:N0} duplicates")));
        AnsiConsole.WriteLine();
        if (!outcome.Relinked)
        {
            AnsiConsole.Write(Line("note", "the token may not relink: detection times are as the service's own relink timer left them"));
            AnsiConsole.WriteLine();
        }

        var table = new Table().AddColumns("campaign", "accounts", "first exchange", "first not allowed", "time to detection (log hours)");
        foreach (var c in outcome.Campaigns)
        {
            table.AddRow(
                Cell(c.CampaignId), Cell(c.Accounts.ToString(CultureInfo.InvariantCulture)), Cell(Time(c.FirstExchange)),
                Cell(c.FirstFlagged is { } flagged ? Time(flagged) : "—"),
                Cell(c.TimeToDetection is { } ttd ? ttd.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) : "—"));
        }

        AnsiConsole.Write(table);
    }

    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
