using System.CommandLine;
using DistillGuard.Taxii.Config;
using DistillGuard.Taxii.Server;

namespace DistillGuard.Cli.Commands;

/// <summary>`distillguard taxii serve`: run the TAXII 2.1 server on loopback until Ctrl+C.</summary>
internal static class TaxiiCommand
{
    public static Command Build()
    {
        var config = new Option<string>("--config") { Description = "JSON file with api_root, collections and tokens", Required = true };
        var db = new Option<string?>("--db") { Description = "DuckDB file holding the objects (default: taxii.duckdb beside the config)" };
        var urls = new Option<string>("--urls")
        {
            Description = "http:// loopback URL(s) to listen on, ';'-separated; port 0 picks a free port (TLS is terminated by a proxy in front)",
            DefaultValueFactory = _ => TaxiiServerOptions.DefaultUrls,
        };
        var serve = new Command("serve", "Serve STIX 2.1 objects over TAXII 2.1 on loopback until Ctrl+C.") { config, db, urls };
        serve.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            var configPath = parse.GetValue(config)!;
            var dbPath = parse.GetValue(db) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, "taxii.duckdb");
            var options = new TaxiiServerOptions(TaxiiConfigFile.Load(configPath), dbPath) { Urls = parse.GetValue(urls)! };
            await using var server = await TaxiiServer.StartAsync(options, ct);
            foreach (var address in server.Addresses)
            {
                Console.WriteLine($"TAXII 2.1 server listening on {address} (discovery: {address}taxii2/, API root: {address}{options.Config.ApiRoot}/)");
            }

            Console.WriteLine($"objects in {dbPath}; Ctrl+C to stop");
            await server.WaitForShutdownAsync(ct);
            return 0;
        }));
        return new Command("taxii", "Run a TAXII 2.1 server for sharing threat intelligence with peers.") { serve };
    }
}
