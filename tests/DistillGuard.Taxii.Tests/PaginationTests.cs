using System.Globalization;
using System.Text.Json;

namespace DistillGuard.Taxii.Tests;

/// <summary>Paging returns every object exactly once, in (date_added, sequence) order, however date_added ties.</summary>
public sealed class PaginationTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task TwoHundredFiftyObjectsThatShareOneDateAddedComeBackExactlyOnceInPagesOfSeventeen()
    {
        await server.PostObjectsAsync(Some.Envelope(Enumerable.Range(0, 125).Select(i => Some.Indicator(i))));
        await server.PostObjectsAsync(Some.Envelope(Enumerable.Range(125, 125).Select(i => Some.Indicator(i))));

        var (ids, pages) = await ReadAllAsync(server.Objects() + "?limit=17");

        Assert.Equal(15, pages); // ceil(250 / 17)
        Assert.Equal(Enumerable.Range(0, 250).Select(Some.IndicatorId), ids);
    }

    [Fact]
    public async Task ObjectsAddedOverTimeComeBackExactlyOnceAndInOrderOfArrival()
    {
        for (var batch = 0; batch < 10; batch++)
        {
            await server.PostObjectsAsync(Some.Envelope(Enumerable.Range(batch * 25, 25).Select(i => Some.Indicator(i))));
            server.Clock.Advance(TimeSpan.FromSeconds(batch % 3 == 0 ? 0 : 1));
        }

        var (ids, _) = await ReadAllAsync(server.Objects() + "?limit=17");

        Assert.Equal(Enumerable.Range(0, 250).Select(Some.IndicatorId), ids);
    }

    [Fact]
    public async Task ObjectsPostedWhilePagingAppearAfterTheOnesAlreadyListedAndNoneRepeats()
    {
        await server.PostObjectsAsync(Some.Envelope(Enumerable.Range(0, 40).Select(i => Some.Indicator(i))));
        var first = await server.GetJsonAsync(server.Objects() + "?limit=17");
        await server.PostObjectsAsync(Some.Envelope(Enumerable.Range(40, 10).Select(i => Some.Indicator(i))));

        var (rest, _) = await ReadAllAsync(server.Objects() + "?limit=17&next=" + first.GetProperty("next").GetString());
        var ids = Ids(first).Concat(rest).ToArray();

        Assert.Equal(Enumerable.Range(0, 50).Select(Some.IndicatorId), ids);
    }

    [Fact]
    public async Task TheManifestPagesTheSameWay()
    {
        await server.PostObjectsAsync(Some.Envelope(Enumerable.Range(0, 60).Select(i => Some.Indicator(i))));
        var (ids, pages) = await ReadAllAsync($"/distillguard/collections/{Some.Campaigns}/manifest/?limit=17");
        Assert.Equal(4, pages);
        Assert.Equal(Enumerable.Range(0, 60).Select(Some.IndicatorId), ids);
    }

    [Fact]
    public async Task PageHeadersBracketThePagesDatesAdded()
    {
        await server.PostObjectsAsync(Some.Envelope(Some.Indicator(1)));
        server.Clock.Advance(TimeSpan.FromSeconds(3));
        await server.PostObjectsAsync(Some.Envelope(Some.Indicator(2)));

        using var response = await server.GetAsync(server.Objects());
        Assert.Equal("2026-03-01T08:00:00.000000Z", response.Headers.GetValues("X-TAXII-Date-Added-First").Single());
        Assert.Equal("2026-03-01T08:00:03.000000Z", response.Headers.GetValues("X-TAXII-Date-Added-Last").Single());
    }

    [Fact]
    public async Task ANextThatTheServerDidNotIssueIsABadRequest()
    {
        using var response = await server.GetAsync(server.Objects() + "?next=not-a-cursor!");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Follows next from <paramref name="path"/> until more is false; at most 100 requests.</summary>
    private async Task<(List<string> Ids, int Pages)> ReadAllAsync(string path)
    {
        var ids = new List<string>();
        var url = path;
        for (var pages = 1; pages <= 100; pages++)
        {
            var page = await server.GetJsonAsync(url);
            ids.AddRange(Ids(page));
            if (!page.GetProperty("more").GetBoolean())
            {
                return (ids, pages);
            }

            var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            url = path + separator + "next=" + Uri.EscapeDataString(page.GetProperty("next").GetString()!);
        }

        throw new InvalidOperationException("more than 100 pages");
    }

    private static string[] Ids(JsonElement page) =>
        page.TryGetProperty("objects", out var objects)
            ? objects.EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToArray()
            : [];
}
