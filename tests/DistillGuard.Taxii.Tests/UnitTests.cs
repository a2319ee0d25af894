using System.Text.Json;
using CsCheck;
using DistillGuard.Core.Hosting;
using DistillGuard.Taxii.Config;
using DistillGuard.Taxii.Protocol;
using DistillGuard.Taxii.Server;

namespace DistillGuard.Taxii.Tests;

/// <summary>The cursor round-trips and rejects what it did not write.</summary>
public sealed class PageCursorTests
{
    [Fact]
    public void EveryCursorDecodesToItself() =>
        Gen.Select(Gen.Long[0, DateTimeOffset.MaxValue.UtcTicks], Gen.Long[0, long.MaxValue])
            .Sample((ticks, seq) =>
            {
                var cursor = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), seq);
                return PageCursor.TryDecode(cursor.Encode(), out var decoded) && decoded == cursor;
            });

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("////////////////////////")]
    public void TextTheServerDidNotWriteIsNoCursor(string text) => Assert.False(PageCursor.TryDecode(text, out _));
}

/// <summary>The minimal STIX checks made before storing.</summary>
public sealed class StixObjectValidatorTests
{
    [Fact]
    public void AWellFormedObjectIsValidWithItsModifiedAsVersion()
    {
        var result = StixObjectValidator.Validate(JsonDocument.Parse(Some.Indicator(3)).RootElement);
        Assert.NotNull(result.Value);
        Assert.Equal(Some.Start, result.Value!.Modified);
    }

    [Theory]
    [InlineData("""{"id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","spec_version":"2.1"}""", "missing 'type'")]
    [InlineData("""{"type":"indicator","spec_version":"2.1"}""", "missing 'id'")]
    [InlineData("""{"type":"indicator","id":"indicator--not-a-uuid","spec_version":"2.1"}""", "'id' must be 'indicator--<uuid>'")]
    [InlineData("""{"type":"indicator","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","spec_version":"2.0"}""", "'spec_version' must be \"2.1\"")]
    [InlineData("""{"type":"indicator","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","spec_version":"2.1","modified":"yesterday"}""", "'modified' is not a timestamp")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"type":"<script>","id":"<script>--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","spec_version":"2.1"}""", "'type' must be 3 to 250 of a-z, 0-9 and single hyphens")]
    [InlineData("""{"type":"Indicator","id":"Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","spec_version":"2.1"}""", "'type' must be 3 to 250 of a-z, 0-9 and single hyphens")]
    [InlineData("""{"type":"x--y","id":"x--y--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","spec_version":"2.1"}""", "'type' must be 3 to 250 of a-z, 0-9 and single hyphens")]
    public void AMalformedObjectFailsWithItsReason(string json, string reason)
    {
        var result = StixObjectValidator.Validate(JsonDocument.Parse(json).RootElement);
        Assert.Null(result.Value);
        Assert.Equal(reason, result.Failure);
    }

    [Fact]
    public void AFailureNeverEchoesATypeThatBreaksTheGrammar()
    {
        var result = StixObjectValidator.Validate(JsonDocument.Parse("""{"type":"<script>","id":"<script>--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","spec_version":"2.1"}""").RootElement);
        Assert.Null(result.Id);
    }
}

/// <summary>The config file and listen addresses are checked before anything starts.</summary>
public sealed class ConfigTests
{
    [Fact]
    public void TheExampleConfigParsesWithItsGrants()
    {
        var config = Some.Config();
        Assert.Equal("distillguard", config.ApiRoot);
        Assert.Equal(2, config.Collections.Count);
        var reader = config.Tokens.Single(t => t.Name == "peer-reader");
        Assert.True(reader.CanRead(Some.Campaigns));
        Assert.False(reader.CanWrite(Some.Campaigns));
    }

    [Fact]
    public void ATokenNamingAnUnknownCollectionIsRefused()
    {
        var json = Some.ConfigJson.Replace($"\"write\": [\"{Some.Other}\"]", $"\"write\": [\"{Some.Unknown}\"]", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => TaxiiConfigFile.Parse(json));
        Assert.Contains(Some.Unknown, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:9400")]
    [InlineData("http://192.0.2.10:9400")]
    [InlineData("https://127.0.0.1:9400")]
    public void AListenUrlOffLoopbackOrOverTlsIsRefused(string url) =>
        Assert.Throws<ArgumentException>(() => LoopbackUrls.Parse(url));

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:9400")]
    [InlineData("http://[::1]:9400")]
    public void ALoopbackHttpUrlIsAccepted(string url) => Assert.Single(LoopbackUrls.Parse(url));

    [Fact]
    public void TokensAreFoundOnlyWhenEqual()
    {
        var tokens = new TokenAuthenticator(Some.Config().Tokens);
        Assert.Equal("peer-reader", tokens.Find(Some.ReaderToken)?.Name);
        Assert.Null(tokens.Find(Some.ReaderToken + "x"));
        Assert.Null(tokens.Find(Some.ReaderToken[..^1]));
        Assert.Null(tokens.Find(null));
        Assert.Equal("abc", TokenAuthenticator.BearerToken("Bearer abc"));
        Assert.Null(TokenAuthenticator.BearerToken("Basic abc"));
    }
}
