using System.Text.Json;
using DistillGuard.Taxii.Config;
using DistillGuard.Taxii.Server;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>`intel push` and `intel pull` against a real TAXII server on a free loopback port.</summary>
public sealed class IntelCommandTests
{
    private const string Collection = "6d1f6a47-4a7c-4b8e-9a0e-3f3b1c2d4e5f";
    private const string Token = "peer-a-0123456789abcdef";

    private const string Config = $$"""
        {
          "collections": [{ "id": "{{Collection}}", "title": "distillation-campaigns" }],
          "tokens": [{ "token": "{{Token}}", "name": "peer-a", "read": ["{{Collection}}"], "write": ["{{Collection}}"] }]
        }
        """;

    private static string Indicator(int n) =>
        $$"""{"type":"indicator","spec_version":"2.1","id":"indicator--{{n:D8}}-1234-4567-89ab-000000000001","created":"2026-03-01T00:00:00Z","modified":"2026-03-01T00:00:00Z","pattern":"[ipv4-addr:value = '203.0.113.{{n}}']","pattern_type":"stix","valid_from":"2026-03-01T00:00:00Z"}""";

    [Fact]
    public async Task APushedBundleIsPulledBackByTheCommandLine()
    {
        using var dir = new TempDir();
        await using var server = await TaxiiServer.StartAsync(
            new TaxiiServerOptions(TaxiiConfigFile.Parse(Config), dir["taxii.duckdb"]) { Urls = "http://127.0.0.1:0" }, CancellationToken.None);
        await File.WriteAllTextAsync(dir["peer.token"], Token + "\n");
        var objects = Enumerable.Range(1, 30).Select(Indicator).ToArray();
        await File.WriteAllTextAsync(dir["bundle.json"], """{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[""" + string.Join(",", objects) + "]}");
        var peer = new[] { "--server", server.BaseAddress.ToString(), "--collection", Collection, "--token-file", dir["peer.token"] };

        Assert.Equal(0, await Cli.Run(["intel", "push", .. peer, "--bundle", dir["bundle.json"]]));
        Assert.Equal(0, await Cli.Run(["intel", "pull", .. peer, "--out", dir["pulled.json"]]));
        Assert.Equal(0, await Cli.Run(["intel", "pull", .. peer, "--added-after", "2999-01-01T00:00:00Z", "--out", dir["none.json"]]));

        using var pulled = JsonDocument.Parse(await File.ReadAllTextAsync(dir["pulled.json"]));
        Assert.Equal(30, pulled.RootElement.GetProperty("objects").GetArrayLength());
        using var none = JsonDocument.Parse(await File.ReadAllTextAsync(dir["none.json"]));
        Assert.Equal(0, none.RootElement.GetProperty("objects").GetArrayLength());
    }

    [Fact]
    public async Task APushWithARefusedObjectOrAWrongTokenExitsWithOne()
    {
        using var dir = new TempDir();
        await using var server = await TaxiiServer.StartAsync(
            new TaxiiServerOptions(TaxiiConfigFile.Parse(Config), dir["taxii.duckdb"]) { Urls = "http://127.0.0.1:0" }, CancellationToken.None);
        await File.WriteAllTextAsync(dir["peer.token"], $$"""{"token":"{{Token}}"}""");
        await File.WriteAllTextAsync(dir["wrong.token"], "not-the-token-of-any-peer");
        await File.WriteAllTextAsync(dir["bundle.json"], """{"objects":[""" + Indicator(1) + """,{"type":"indicator"}]}""");
        string[] Peer(string token) => ["--server", server.BaseAddress.ToString(), "--collection", Collection, "--token-file", dir[token]];

        Assert.Equal(1, await Cli.Run(["intel", "push", .. Peer("peer.token"), "--bundle", dir["bundle.json"]]));
        Assert.Equal(1, await Cli.Run(["intel", "pull", .. Peer("wrong.token"), "--out", dir["x.json"]]));
        Assert.False(File.Exists(dir["x.json"]));
    }
}
