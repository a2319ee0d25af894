using System.CommandLine;
using DistillGuard.Service.Config;
using DistillGuard.Service.Server;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard serve`: the online service on loopback until SIGINT or SIGTERM (contract: shared/spec/SERVICE.md).</summary>
internal static class ServeCommand
{
    /// <summary>The store's file name beside the config when --db is not given.</summary>
    public const string DefaultDatabase = "distillguard.duckdb";

    public static Command Build()
    {
        var config = new Option<string>("--config") { Description = "service.json: tokens (as SHA-256), optional policy, relink_seconds", Required = true };
        var db = new Option<string?>("--db") { Description = $"embedded store (default: {DefaultDatabase} beside the config)" };
        var urls = new Option<string>("--urls")
        {
            Description = "http:// loopback URL(s) to listen on, ';'-separated; port 0 picks a free port",
            DefaultValueFactory = _ => ServiceServerOptions.DefaultUrls,
        };
        var serve = new Command("serve", "Run the online service (ingest, decide, campaigns) on loopback until SIGINT or SIGTERM.") { config, db, urls };
        serve.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            var configPath = parse.GetValue(config)!;
            var dbPath = parse.GetValue(db) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, DefaultDatabase);
            var options = new ServiceServerOptions(ServiceConfigFile.Load(configPath), dbPath) { Urls = parse.GetValue(urls)! };
            await using var server = await ServiceServer.StartAsync(options, ct);
            foreach (var address in server.Addresses)
            {
                Console.WriteLine($"listening on {address.GetLeftPart(UriPartial.Authority)}");
            }

            await server.WaitForShutdownAsync(ct);
            return 0;
        }));
        return serve;
    }
}
