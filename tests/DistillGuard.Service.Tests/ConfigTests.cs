using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>A bad service.json is refused at start with an error that names the field to fix.</summary>
public sealed class ConfigTests
{
    private static readonly string Gateway = Some.Sha256Hex(Some.Tokens[Role.Gateway]);

    [Theory]
    [InlineData("""{"tokens":[{"name":"a","role":"gateway","sha256":"GW"},{"name":"b","role":"admin","sha256":"GW"}]}""", "tokens[1].sha256", "duplicate")]
    [InlineData("""{"tokens":[{"name":"a","role":"root","sha256":"GW"}]}""", "tokens[0].role", "unknown role 'root'")]
    [InlineData("""{"tokens":[{"name":"a","role":"gateway","sha256":"abc"}]}""", "tokens[0].sha256", "64 hex")]
    [InlineData("""{"tokens":[{"role":"gateway","sha256":"GW"}]}""", "tokens[0].name", "name")]
    [InlineData("""{"tokens":[{"name":"a","role":"gateway","sha256":"GW"}],"relink_seconds":0}""", "relink_seconds", "positive")]
    [InlineData("""{"tokens":[{"name":"a","role":"gateway","sha256":"GW"}],"relink_seconds":-5}""", "relink_seconds", "positive")]
    [InlineData("""{"tokens":[{"name":"a","role":"gateway","sha256":"GW"}],"policy":"no-such-policy.json"}""", "policy", "missing")]
    [InlineData("""{"tokens":[{"name":"a","role":"gateway","sha256":"GW"}],"max_body_bytes":0}""", "max_body_bytes", "positive")]
    [InlineData("""{"tokens":[]}""", "tokens", "at least one")]
    [InlineData("""{"tokens":[{"name":"a","role":"gateway","sha256":"GW"}],"relink_second":5}""", "relink_second", "")]
    public void ABadConfigIsRefusedWithTheFieldNamed(string json, string field, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => ServiceConfigFile.Parse(json.Replace("GW", Gateway, StringComparison.Ordinal), "service.json", Path.GetTempPath()));
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGoodConfigKeepsTokensOnlyAsHashesAndTakesTheNamedDefaults()
    {
        var config = ServiceConfigFile.Parse($$"""{"tokens":[{"name":"a","role":"gateway","sha256":"{{Gateway.ToUpperInvariant()}}"}]}""", "service.json", Path.GetTempPath());
        var token = Assert.Single(config.Tokens);
        Assert.Equal(Role.Gateway, token.Role);
        Assert.Equal(Gateway, Convert.ToHexStringLower(token.Sha256));
        Assert.Equal(TimeSpan.FromSeconds(ServiceConfig.DefaultRelinkSeconds), config.Relink);
        Assert.Equal(ServiceConfig.DefaultMaxBodyBytes, config.MaxBodyBytes);
        Assert.Null(config.PolicyPath);
    }
}
