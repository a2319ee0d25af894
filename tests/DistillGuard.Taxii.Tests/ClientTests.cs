using System.Text.Json;
using DistillGuard.Taxii.Client;

namespace DistillGuard.Taxii.Tests;

/// <summary>The client pushes a bundle and pulls it back, across pages, through a real server.</summary>
public sealed class ClientTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task APushedBundleIsPulledBackWhole()
    {
        var client = new TaxiiClient(server.Http);
        var bundle = """{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[""" +
            string.Join(",", Enumerable.Range(0, 40).Select(i => Some.Indicator(i))) + "]}";

        var pushed = await client.PushAsync(server.Server.BaseAddress, "distillguard", Some.Campaigns, Some.WriterToken, bundle, CancellationToken.None);
        Assert.Equal(new PushOutcome(40, 40, 0, []), pushed with { Failures = [] });

        var pulled = await client.PullAsync(server.Server.BaseAddress, "distillguard", Some.Campaigns, Some.ReaderToken, null, CancellationToken.None, pageSize: 7);
        using var document = JsonDocument.Parse(pulled);
        Assert.Equal("bundle", document.RootElement.GetProperty("type").GetString());
        var ids = document.RootElement.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToArray();
        Assert.Equal(Enumerable.Range(0, 40).Select(Some.IndicatorId), ids);
    }

    [Fact]
    public async Task APullAfterADateReturnsOnlyLaterObjects()
    {
        var client = new TaxiiClient(server.Http);
        await client.PushAsync(server.Server.BaseAddress, "distillguard", Some.Campaigns, Some.WriterToken, Some.Envelope(Some.Indicator(1)), CancellationToken.None);
        server.Clock.Advance(TimeSpan.FromHours(1));
        await client.PushAsync(server.Server.BaseAddress, "distillguard", Some.Campaigns, Some.WriterToken, Some.Envelope(Some.Indicator(2)), CancellationToken.None);

        var pulled = await client.PullAsync(server.Server.BaseAddress, "distillguard", Some.Campaigns, Some.ReaderToken, Some.Start.AddMinutes(30), CancellationToken.None);
        using var document = JsonDocument.Parse(pulled);
        Assert.Equal(Some.IndicatorId(2), Assert.Single(document.RootElement.GetProperty("objects").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task AMalformedObjectInAPushIsReportedAsAFailure()
    {
        var client = new TaxiiClient(server.Http);
        var outcome = await client.PushAsync(server.Server.BaseAddress, "distillguard", Some.Campaigns, Some.WriterToken,
            Some.Envelope(Some.Indicator(1), """{"type":"indicator"}"""), CancellationToken.None);
        Assert.Equal(1, outcome.Succeeded);
        Assert.Equal(1, outcome.Failed);
        Assert.Contains("missing 'id'", Assert.Single(outcome.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APushWithoutWriteAccessFailsWithTheServersStatus()
    {
        var client = new TaxiiClient(server.Http);
        var error = await Assert.ThrowsAsync<TaxiiClientException>(() =>
            client.PushAsync(server.Server.BaseAddress, "distillguard", Some.Campaigns, Some.ReaderToken, Some.Envelope(Some.Indicator(1)), CancellationToken.None));
        Assert.Equal(403, error.Status);
    }
}
