using System.CommandLine;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard analyze`: logs in, verdicts, campaigns and report out.</summary>
internal static class AnalyzeCommand
{
    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "log file or folder (.jsonl, .jsonl.gz, .csv, .parquet)", Required = true };
        var output = new Option<string>("--out") { Description = "output folder", Required = true };
        var db = new Option<string?>("--db") { Description = "DuckDB file to store the run in (default: OUT/distillguard.duckdb)" };
        var key = new Option<string?>("--key-file") { Description = "local hashing key (created if missing; default: beside the database)" };
        var keepText = new Option<bool>("--keep-text") { Description = "also store raw prompt text (off: only keyed hashes)" };
        var command = new Command("analyze", "Score every account, link campaigns and write accounts.csv, campaigns.json, summary.json, rejects.jsonl and report.html.")
        {
            input, output, db, key, keepText,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            await AnalysisRunner.RunAsync(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(db), parse.GetValue(key), parse.GetValue(keepText), ct);
            return 0;
        }));
        return command;
    }
}
