using System.Net;
using System.Text.Json;

namespace DistillGuard.Taxii.Tests;

/// <summary>Posting objects and reading them back: round trip, filters, versions, manifest, failures.</summary>
public sealed class ObjectsTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task APostedObjectComesBackAsGiven()
    {
        var status = await server.PostObjectsAsync(Some.Envelope(Some.Indicator(1), Some.Indicator(2)));
        Assert.Equal("complete", status.GetProperty("status").GetString());
        Assert.Equal(2, status.GetProperty("success_count").GetInt32());
        Assert.Equal(0, status.GetProperty("failure_count").GetInt32());

        var envelope = await server.GetJsonAsync(server.Objects());
        Assert.False(envelope.GetProperty("more").GetBoolean());
        var objects = envelope.GetProperty("objects").EnumerateArray().ToArray();
        Assert.Equal(2, objects.Length);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(Some.Indicator(1)).RootElement, objects[0]));

        var one = await server.GetJsonAsync(server.Objects() + Some.IndicatorId(2) + "/");
        Assert.Equal(Some.IndicatorId(2), Assert.Single(one.GetProperty("objects").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnObjectThatIsNotHeldIsNotFound()
    {
        using var response = await server.GetAsync(server.Objects() + Some.IndicatorId(99) + "/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AddedAfterReturnsOnlyObjectsAddedLater()
    {
        await server.PostObjectsAsync(Some.Envelope(Some.Indicator(1)));
        server.Clock.Advance(TimeSpan.FromMinutes(5));
        await server.PostObjectsAsync(Some.Envelope(Some.Indicator(2)));

        using var all = await server.GetAsync(server.Objects());
        var first = DateTimeOffset.Parse(all.Headers.GetValues("X-TAXII-Date-Added-First").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Some.Start, first);

        var after = Uri.EscapeDataString("2026-03-01T08:01:00Z");
        var envelope = await server.GetJsonAsync(server.Objects() + "?added_after=" + after);
        Assert.Equal(Some.IndicatorId(2), Assert.Single(envelope.GetProperty("objects").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task MatchTypeAndMatchIdFilter()
    {
        var identity = """{"type":"identity","spec_version":"2.1","id":"identity--4a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d","created":"2026-03-01T00:00:00Z","modified":"2026-03-01T00:00:00Z","name":"lab"}""";
        await server.PostObjectsAsync(Some.Envelope(Some.Indicator(1), Some.Indicator(2), identity));

        var byType = await server.GetJsonAsync(server.Objects() + "?match[type]=identity");
        Assert.Equal("identity", Assert.Single(byType.GetProperty("objects").EnumerateArray()).GetProperty("type").GetString());
        var byId = await server.GetJsonAsync(server.Objects() + $"?match[id]={Some.IndicatorId(1)},{Some.IndicatorId(2)}");
        Assert.Equal(2, byId.GetProperty("objects").GetArrayLength());
    }

    [Fact]
    public async Task TheSameVersionPostedTwiceIsKeptOnceAndANewVersionIsAdded()
    {
        await server.PostObjectsAsync(Some.Envelope(Some.Indicator(1)));
        var again = await server.PostObjectsAsync(Some.Envelope(Some.Indicator(1)));
        Assert.Equal(1, again.GetProperty("success_count").GetInt32());
        Assert.Equal("already present", again.GetProperty("successes")[0].GetProperty("message").GetString());
        await server.PostObjectsAsync(Some.Envelope(Some.Indicator(1, Some.Start.AddDays(1))));

        var manifest = await server.GetJsonAsync($"/distillguard/collections/{Some.Campaigns}/manifest/?match[version]=all");
        var versions = manifest.GetProperty("objects").EnumerateArray().Select(r => r.GetProperty("version").GetString()!).ToArray();
        Assert.Equal(["2026-03-01T08:00:00.000000Z", "2026-03-02T08:00:00.000000Z"], versions);
        Assert.All(manifest.GetProperty("objects").EnumerateArray(), r => Assert.Equal("application/stix+json;version=2.1", r.GetProperty("media_type").GetString()));

        var latest = await server.GetJsonAsync(server.Objects());
        Assert.Equal("2026-03-02T08:00:00.000Z", Assert.Single(latest.GetProperty("objects").EnumerateArray()).GetProperty("modified").GetString());
        var first = await server.GetJsonAsync(server.Objects() + "?match[version]=first");
        Assert.Equal("2026-03-01T08:00:00.000Z", Assert.Single(first.GetProperty("objects").EnumerateArray()).GetProperty("modified").GetString());
    }

    [Fact]
    public async Task MalformedObjectsAreCountedAsFailuresWithAReason()
    {
        var noSpec = """{"type":"indicator","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"}""";
        var badId = """{"type":"indicator","spec_version":"2.1","id":"malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"}""";
        var status = await server.PostObjectsAsync(Some.Envelope(Some.Indicator(1), noSpec, badId, "42"));

        Assert.Equal(4, status.GetProperty("total_count").GetInt32());
        Assert.Equal(1, status.GetProperty("success_count").GetInt32());
        Assert.Equal(3, status.GetProperty("failure_count").GetInt32());
        var reasons = status.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("message").GetString()).ToArray();
        Assert.Contains(reasons, r => r!.Contains("spec_version", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r!.Contains("'id'", StringComparison.Ordinal));
        Assert.Contains("not a JSON object", reasons);

        var stored = await server.GetJsonAsync(server.Objects());
        Assert.Single(stored.GetProperty("objects").EnumerateArray());
    }

    [Fact]
    public async Task TheStatusOfAPostCanBeFetchedAgainByThePosterOnly()
    {
        var status = await server.PostObjectsAsync(Some.Envelope(Some.Indicator(1), "{}"));
        var path = $"/distillguard/status/{status.GetProperty("id").GetString()}/";

        var again = await server.GetJsonAsync(path);
        Assert.Equal(1, again.GetProperty("success_count").GetInt32());
        Assert.Equal(1, again.GetProperty("failure_count").GetInt32());
        using var other = await server.GetAsync(path, Some.ReaderToken);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task AnEmptyCollectionAnswersAnEmptyEnvelope()
    {
        var envelope = await server.GetJsonAsync(server.Objects());
        Assert.False(envelope.GetProperty("more").GetBoolean());
        Assert.False(envelope.TryGetProperty("objects", out _));
    }
}
