using System.CommandLine;
using DistillGuard.Taxii.Client;
using DistillGuard.Taxii.Config;
using DistillGuard.Taxii.Protocol;

namespace DistillGuard.Cli.Commands;

/// <summary>
/// `distillguard intel`: threat intelligence shared with peers. Holds `push` and `pull`; other
/// subcommands (e.g. `export`, `match`) are added by passing them to <see cref="Build"/>.
/// </summary>
internal static class IntelCommand
{
    public static Command Build(params Command[] more)
    {
        var intel = new Command("intel", "Share distillation-campaign intelligence with peer labs as STIX 2.1 over TAXII 2.1.")
        {
            Push(),
            Pull(),
        };
        foreach (var command in more)
        {
            intel.Subcommands.Add(command);
        }

        return intel;
    }

    private static Command Push()
    {
        var peer = new PeerOptions();
        var bundle = new Option<string>("--bundle") { Description = "STIX 2.1 bundle (JSON) whose objects are pushed", Required = true };
        var command = new Command("push", "Push a STIX bundle's objects into a TAXII collection.") { bundle };
        peer.AddTo(command);
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            using var http = new HttpClient();
            var outcome = await new TaxiiClient(http).PushAsync(
                peer.Server(parse), parse.GetValue(peer.ApiRoot)!, parse.GetValue(peer.Collection)!, peer.Token(parse),
                await File.ReadAllTextAsync(parse.GetValue(bundle)!, ct), ct);
            Console.WriteLine($"pushed {outcome.Total} objects: {outcome.Succeeded} accepted, {outcome.Failed} refused");
            foreach (var failure in outcome.Failures)
            {
                await Console.Error.WriteLineAsync("refused " + failure);
            }

            return outcome.Failed == 0 ? 0 : 1;
        }));
        return command;
    }

    private static Command Pull()
    {
        var peer = new PeerOptions();
        var addedAfter = new Option<string?>("--added-after") { Description = "only objects the server added after this RFC 3339 time" };
        var output = new Option<string>("--out") { Description = "where to write the pulled STIX bundle", Required = true };
        var command = new Command("pull", "Pull every object of a TAXII collection into one STIX bundle.") { addedAfter, output };
        peer.AddTo(command);
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            DateTimeOffset? after = null;
            if (parse.GetValue(addedAfter) is { } text)
            {
                after = TaxiiTimestamp.TryParse(text, out var parsed) ? parsed : throw new ArgumentException($"--added-after '{text}' is not an RFC 3339 time");
            }

            using var http = new HttpClient();
            var bundleJson = await new TaxiiClient(http).PullAsync(
                peer.Server(parse), parse.GetValue(peer.ApiRoot)!, parse.GetValue(peer.Collection)!, peer.Token(parse), after, ct);
            var path = parse.GetValue(output)!;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(path, bundleJson, ct);
            Console.WriteLine($"pulled {CountObjects(bundleJson)} objects into {path}");
            return 0;
        }));
        return command;
    }

    private static int CountObjects(string bundleJson)
    {
        using var document = System.Text.Json.JsonDocument.Parse(bundleJson);
        return document.RootElement.GetProperty("objects").GetArrayLength();
    }

    /// <summary>The options every TAXII client verb shares: where the peer is and how to authenticate.</summary>
    private sealed class PeerOptions
    {
        public Option<string> ServerUrl { get; } = new("--server") { Description = "TAXII server base URL, e.g. https://taxii.peer.example", Required = true };

        public Option<string> ApiRoot { get; } = new("--api-root") { Description = "API root path segment", DefaultValueFactory = _ => TaxiiConfig.DefaultApiRoot };

        public Option<string> Collection { get; } = new("--collection") { Description = "collection id (UUID)", Required = true };

        public Option<string> TokenFile { get; } = new("--token-file") { Description = "file holding the bearer token (the token alone, or {\"token\":\"...\"})", Required = true };

        public void AddTo(Command command)
        {
            command.Options.Add(ServerUrl);
            command.Options.Add(ApiRoot);
            command.Options.Add(Collection);
            command.Options.Add(TokenFile);
        }

        public Uri Server(ParseResult parse) =>
            Uri.TryCreate(parse.GetValue(ServerUrl), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? uri
                : throw new ArgumentException($"--server '{parse.GetValue(ServerUrl)}' is not an http(s) URL");

        public string Token(ParseResult parse) => ClientTokenFile.Read(parse.GetValue(TokenFile)!);
    }
}
