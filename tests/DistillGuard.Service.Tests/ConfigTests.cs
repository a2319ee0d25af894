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
    [InlineData("""{"tokens":[{"name":"a","role":"gateway","sha256":"GW"}],"detection_options":"no-such-options.json"}""", "detection_options", "missing")]
    [InlineData("""{"tokens":[{"name":"a","role":"gateway","sha256":"GW"}],"scoring_model":"no-such-model.json"}""", "scoring_model", "missing")]
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
        Assert.Same(Analysis.ScoringChoice.Default, config.Scoring);
    }

    [Theory]
    [InlineData("detection_options", "not json")]
    [InlineData("detection_options", """{"scoring":{"distillation_threshold":"high"}}""")]
    [InlineData("scoring_model", """{"format":"not a model"}""")]
    public void AnOptionsOrModelFileThatCannotBeReadIsRefusedWithItsFieldAndFileNamed(string field, string content)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["file.json"], content);
        var json = $$"""{"tokens":[{"name":"a","role":"gateway","sha256":"{{Gateway}}"}],"{{field}}":"file.json"}""";
        var error = Assert.Throws<InvalidDataException>(() => ServiceConfigFile.Parse(json, "service.json", dir.Path));
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(dir["file.json"], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOptionsFileBesideTheConfigIsTheOptionsRootEveryRelinkUses()
    {
        using var dir = new TempDir();
        var stricter = Core.Detection.DetectionOptions.Default with
        {
            Scoring = Core.Detection.DetectionOptions.Default.Scoring with { DistillationThreshold = 0.95 },
        };
        File.WriteAllText(dir["options.json"], Core.Detection.DetectionOptionsJson.Write(stricter));
        var json = $$"""{"tokens":[{"name":"a","role":"gateway","sha256":"{{Gateway}}"}],"detection_options":"options.json"}""";
        var config = ServiceConfigFile.Parse(json, "service.json", dir.Path);
        Assert.Equal(0.95, config.Scoring.Options.Scoring.DistillationThreshold);
        Assert.Equal(Core.Detection.DetectionOptionsJson.Write(stricter), Core.Detection.DetectionOptionsJson.Write(config.Scoring.Options));
        Assert.Equal(Analysis.ScoringChoice.Default.Version, config.Scoring.Version);
    }
}
