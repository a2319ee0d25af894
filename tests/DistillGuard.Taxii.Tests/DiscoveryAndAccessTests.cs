using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DistillGuard.Taxii.Protocol;

namespace DistillGuard.Taxii.Tests;

/// <summary>Discovery, the API root, collections and the gate: 401, 403, 404, 406, 415, 413.</summary>
public sealed class DiscoveryAndAccessTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public async Task InitializeAsync() => server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public void TheServerReportsTheRealPortItBoundOnLoopback()
    {
        Assert.Equal("127.0.0.1", server.Server.BaseAddress.Host);
        Assert.NotEqual(0, server.Server.BaseAddress.Port);
    }

    [Fact]
    public async Task DiscoveryNamesTheApiRootAndTheApiRootAnswers()
    {
        var discovery = await server.GetJsonAsync("/taxii2/");
        var apiRoot = new Uri(discovery.GetProperty("default").GetString()!);
        Assert.Equal("/distillguard/", apiRoot.AbsolutePath);
        Assert.Contains(discovery.GetProperty("api_roots").EnumerateArray(), r => r.GetString() == apiRoot.ToString());

        var root = await server.GetJsonAsync(apiRoot.AbsolutePath);
        Assert.Contains(root.GetProperty("versions").EnumerateArray(), v => v.GetString() == "application/taxii+json;version=2.1");
        Assert.Equal(65536, root.GetProperty("max_content_length").GetInt64());
    }

    [Fact]
    public async Task CollectionsListOnlyWhatTheTokenMayUseWithItsRights()
    {
        var reader = await server.GetJsonAsync("/distillguard/collections/", Some.ReaderToken);
        var only = Assert.Single(reader.GetProperty("collections").EnumerateArray());
        Assert.Equal(Some.Campaigns, only.GetProperty("id").GetString());
        Assert.Equal("distillation-campaigns", only.GetProperty("title").GetString());
        Assert.True(only.GetProperty("can_read").GetBoolean());
        Assert.False(only.GetProperty("can_write").GetBoolean());

        var one = await server.GetJsonAsync($"/distillguard/collections/{Some.Campaigns}/", Some.WriterToken);
        Assert.True(one.GetProperty("can_write").GetBoolean());
    }

    [Fact]
    public async Task ARequestWithoutATokenIsUnauthorisedAndToldToUseBearer()
    {
        using var response = await server.GetAsync(server.Objects(), token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task AnUnknownTokenIsUnauthorised()
    {
        using var response = await server.GetAsync("/taxii2/", token: "not-a-token-of-this-server-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ATokenWithoutReadAccessToTheCollectionIsForbidden()
    {
        using var objects = await server.GetAsync(server.Objects(), Some.OutsiderToken);
        Assert.Equal(HttpStatusCode.Forbidden, objects.StatusCode);
        using var manifest = await server.GetAsync($"/distillguard/collections/{Some.Campaigns}/manifest/", Some.OutsiderToken);
        Assert.Equal(HttpStatusCode.Forbidden, manifest.StatusCode);
    }

    [Fact]
    public async Task ATokenThatMayOnlyReadIsForbiddenToPost()
    {
        using var response = await server.PostAsync(server.Objects(), Some.Envelope(Some.Indicator(1)), Some.ReaderToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownCollectionOrApiRootIsNotFound()
    {
        using var collection = await server.GetAsync(server.Objects(Some.Unknown));
        Assert.Equal(HttpStatusCode.NotFound, collection.StatusCode);
        using var root = await server.GetAsync("/elsewhere/collections/");
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/taxii+json;version=2.0")]
    [InlineData("text/html")]
    public async Task AnAcceptHeaderThatRefusesTaxii21IsNotAcceptable(string accept)
    {
        using var response = await server.GetAsync("/taxii2/", accept: accept);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task APostThatIsNotTaxiiJsonIsAnUnsupportedMediaType()
    {
        using var response = await server.PostAsync(server.Objects(), Some.Envelope(Some.Indicator(1)), contentType: "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task APostOverTheConfiguredSizeIsTooLarge()
    {
        var big = Some.Envelope(Enumerable.Range(0, 400).Select(i => Some.Indicator(i)));
        Assert.True(big.Length > 65536);
        using var response = await server.PostAsync(server.Objects(), big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AChunkedPostThatGrowsOverTheConfiguredSizeIsTooLarge()
    {
        var big = Encoding.UTF8.GetBytes(Some.Envelope(Enumerable.Range(0, 400).Select(i => Some.Indicator(i))));
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Objects());
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Some.WriterToken);
        request.Headers.TryAddWithoutValidation("Accept", MediaTypes.Taxii);
        request.Headers.TransferEncodingChunked = true;
        request.Content = new StreamContent(new MemoryStream(big));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(MediaTypes.Taxii);
        using var response = await server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ABodyThatIsNotAnEnvelopeIsABadRequest()
    {
        using var response = await server.PostAsync(server.Objects(), "[1,2,3]");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
