using DistillGuard.Analysis;
using DistillGuard.Core.Detection;
using DistillGuard.Core.Model;
using DistillGuard.Service.Config;

namespace DistillGuard.Service.Tests;

/// <summary>The service relinks with the detection options its config names, as <c>analyze --options</c> runs with them.</summary>
public sealed class ScoringConfigTests
{
    [Fact]
    public async Task ARelinkUnderTheConfiguredOptionsFlagsWhatABatchRunUnderThemFlags()
    {
        using var dir = new TempDir();
        var simulated = TinyScenario.Simulate(dir["data"]);
        var stricter = DetectionOptions.Default with { Scoring = DetectionOptions.Default.Scoring with { DistillationThreshold = 0.95 } };
        File.WriteAllText(dir["options.json"], DetectionOptionsJson.Write(stricter));
        var json = Some.ConfigJson(3600, ServiceConfig.DefaultMaxBodyBytes).TrimEnd().TrimEnd('}') + ", \"detection_options\": \"options.json\" }";
        var config = ServiceConfigFile.Parse(json, "service.json", dir.Path);

        var underDefaults = await FlaggedInBatchAsync(simulated.ExchangesPath, DetectionOptions.Default, dir["batch-default"]);
        var underStricter = await FlaggedInBatchAsync(simulated.ExchangesPath, stricter, dir["batch-stricter"]);
        Assert.True(underStricter < underDefaults, $"the stricter threshold flags {underStricter} of the defaults' {underDefaults}");

        await using var server = await RunningServer.StartAsync(dir["service.duckdb"], config);
        await TinyScenario.StreamAsync(server, simulated);
        var relink = await server.JsonAsync(HttpMethod.Post, "/v1/relink", Role.Admin, "");
        Assert.Equal(underStricter, relink.GetProperty("flagged_accounts").GetInt32());
        Assert.Equal(ScoringChoice.Default.Version, relink.GetProperty("model_version").GetString());
    }

    private static async Task<int> FlaggedInBatchAsync(string log, DetectionOptions options, string outDir)
    {
        var outcome = await new AnalysisPipeline(null, TimeProvider.System).RunAsync(
            new AnalysisOptions { Input = log, OutDir = outDir, HashKey = new byte[32], Store = StoreLevel.None, Detection = options });
        return outcome.Result.Accounts.Count(a => a.Verdict == Verdict.Distillation);
    }
}
