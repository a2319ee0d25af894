using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;
using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>`train` through the real CLI: a model fitted on one simulated history, used by `analyze --model` on another.</summary>
public class TrainCommandTests
{
    [Fact]
    public async Task AModelTrainedOnOneSeedMeetsTheQualityFloorsOnAnother()
    {
        using var dir = new TempDir();
        var model = dir["model.json"];
        var train = await Scenarios.Tiny(11);
        Assert.Equal(0, await Cli.Run("train", "--input", train.Log, "--labels", train.Labels, "--out", model));

        var json = JsonNode.Parse(await File.ReadAllTextAsync(model))!;
        Assert.Equal("distillguard-scoring-model", (string?)json["format"]);
        Assert.Equal(2, (int?)json["version"]);
        // The options root it was trained under (the defaults' curves and linking), carrying the fitted weights: one set of weights in the file.
        var defaults = JsonNode.Parse(DistillGuard.Core.Detection.DetectionOptionsJson.Write(DistillGuard.Core.Detection.DetectionOptions.Default))!;
        Assert.Equal(defaults["scoring"]!["curves"]!.ToJsonString(), json["detection_options"]!["scoring"]!["curves"]!.ToJsonString());
        Assert.Equal(defaults["linker"]!.ToJsonString(), json["detection_options"]!["linker"]!.ToJsonString());
        Assert.Equal((double)json["bias"]!, (double)json["detection_options"]!["scoring"]!["bias"]!);
        Assert.Equal((double)json["weights"]!["breadth"]!, (double)json["detection_options"]!["scoring"]!["breadth"]!);
        Assert.True((int)json["training"]!["fit"]!["positives"]! > 0 && (int)json["training"]!["fit"]!["negatives"]! > 0);
        Assert.DoesNotContain("acct_", await File.ReadAllTextAsync(model), StringComparison.Ordinal);
        Assert.True(File.Exists(dir["model.rejects.jsonl"]));
        var weights = json["weights"]!.AsObject().ToDictionary(p => p.Key, p => (double)p.Value!);
        Assert.All(weights, w => Assert.True(SignalWeights.HasAllowedSign(w.Key, w.Value), $"{w.Key} = {w.Value}"));
        Assert.Contains(weights, w => Math.Abs(w.Value - SignalWeights.Get(ScoringParameters.Default, w.Key)) > 0.05);

        var test = await Scenarios.Tiny(201);
        Assert.Equal(0, await Cli.Run("analyze", "--input", test.Log, "--out", dir["out"], "--model", model));
        using (var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "summary.json"))))
        {
            Assert.StartsWith("trained-v2 sha256:", summary.RootElement.GetProperty("model_version").GetString(), StringComparison.Ordinal);
        }

        var result = new AnalysedScenario(test, dir["out"]).Evaluate();
        Assert.True(result.Precision >= 0.95, $"precision {result.Precision:0.000}");
        Assert.True(result.Recall >= 0.85, $"recall {result.Recall:0.000}");
        Assert.All(result.OrganicFprByKind, k => Assert.True(k.Rate <= 0.02, $"{k.Kind} FPR {k.Rate:0.000}"));
        Assert.Equal(result.TrueCampaigns, result.CampaignsFound);

        // The same analysis with the model's bias pushed far down flags nobody: analyze scores with the file it is given.
        json["bias"] = -40.0;
        await File.WriteAllTextAsync(dir["silenced.json"], json.ToJsonString());
        Assert.Equal(0, await Cli.Run("analyze", "--input", test.Log, "--out", dir["silenced"], "--model", dir["silenced.json"]));
        Assert.DoesNotContain(AccountsCsv.Read(Path.Combine(dir["silenced"], "accounts.csv")), a => a.Verdict == Verdict.Distillation);
    }

    private static string Line(string eventId, string account, int minute) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["event_id"] = eventId,
        ["timestamp"] = new DateTime(2026, 4, 22, 10, 0, 0, DateTimeKind.Utc).AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["account_id"] = account,
        ["model"] = "frontier-1",
        ["prompt"] = "Explain step by step how to solve problem " + eventId,
        ["input_tokens"] = 20,
        ["output_tokens"] = 400,
    });

    /// <summary>A small valid log of two accounts and labels for them, which individual tests then spoil.</summary>
    private static async Task<(string Log, string Labels)> SmallHistory(TempDir dir)
    {
        var log = dir["log.jsonl"];
        await File.WriteAllLinesAsync(log, Enumerable.Range(0, 6).Select(i => Line($"e{i}", i % 2 == 0 ? "acct_a" : "acct_b", i)));
        var labels = dir["labels.csv"];
        await File.WriteAllTextAsync(labels, "account_id,label,campaign_id,kind\nacct_a,campaign,camp-1,hydra\nacct_b,organic,,casual\n");
        return (log, labels);
    }

    private static async Task AssertRefused(TempDir dir, string log, string labels, string expected)
    {
        var model = dir["models/model.json"];
        var (code, errors) = await Cli.RunCapturingErrors("train", "--input", log, "--labels", labels, "--out", model);

        Assert.Equal(1, code);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["models"]), "a refused training run wrote into the output folder");
    }

    [Fact]
    public async Task TheSmallHistoryTrainsSoTheRefusalsBelowAreAboutTheirOneDefect()
    {
        using var dir = new TempDir();
        var (log, labels) = await SmallHistory(dir);

        Assert.Equal(0, await Cli.Run("train", "--input", log, "--labels", labels, "--out", dir["models/model.json"]));
        Assert.True(File.Exists(dir["models/model.json"]));
        Assert.False(File.Exists(dir["models/model.json.partial"]));
    }

    [Fact]
    public async Task AMissingInputIsRefusedByName()
    {
        using var dir = new TempDir();
        var (_, labels) = await SmallHistory(dir);
        await AssertRefused(dir, dir["nowhere.jsonl"], labels, "nowhere.jsonl");
    }

    [Fact]
    public async Task AMissingLabelsFileIsRefusedByName()
    {
        using var dir = new TempDir();
        var (log, _) = await SmallHistory(dir);
        await AssertRefused(dir, log, dir["no-labels.csv"], "no-labels.csv:0: file not found");
    }

    [Fact]
    public async Task AnEmptyLabelsFileIsRefused()
    {
        using var dir = new TempDir();
        var (log, labels) = await SmallHistory(dir);
        await File.WriteAllTextAsync(labels, "");
        await AssertRefused(dir, log, labels, "is empty");

        await File.WriteAllTextAsync(labels, "account_id,label,campaign_id\n");
        await AssertRefused(dir, log, labels, "the labels file holds no accounts");
    }

    [Fact]
    public async Task AMalformedLabelsLineIsRefusedWithItsLineNumber()
    {
        using var dir = new TempDir();
        var (log, labels) = await SmallHistory(dir);
        await File.WriteAllTextAsync(labels, "account_id,label,campaign_id\nacct_a,campaign,camp-1\nacct_b,maybe,\n");
        await AssertRefused(dir, log, labels, "labels.csv:3: label must be 'organic' or 'campaign', not 'maybe'");
    }

    [Fact]
    public async Task LabelsOfOneClassAreRefused()
    {
        using var dir = new TempDir();
        var (log, labels) = await SmallHistory(dir);
        await File.WriteAllTextAsync(labels, "account_id,label,campaign_id\nacct_a,organic,\nacct_b,organic,\n");
        await AssertRefused(dir, log, labels, "all 2 labelled accounts are organic");
    }

    [Fact]
    public async Task LabelsOfAccountsAbsentFromTheInputAreRefused()
    {
        using var dir = new TempDir();
        var (log, labels) = await SmallHistory(dir);
        await File.AppendAllTextAsync(labels, "acct_ghost,organic,,casual\n");
        await AssertRefused(dir, log, labels, "1 labelled account(s) do not appear in the input, e.g. acct_ghost");
    }

    [Fact]
    public async Task AnInputWithoutAValidExchangeIsRefused()
    {
        using var dir = new TempDir();
        var (log, labels) = await SmallHistory(dir);
        await File.WriteAllTextAsync(log, "{\"event_id\":\"e1\"}\nnot json at all\n");
        await AssertRefused(dir, log, labels, "the input holds no valid exchanges");
    }

    [Fact]
    public async Task ANegativeL2OrAnImpossiblePrevalenceIsRefused()
    {
        using var dir = new TempDir();
        var (log, labels) = await SmallHistory(dir);
        var (code, errors) = await Cli.RunCapturingErrors("train", "--input", log, "--labels", labels, "--out", dir["models/m.json"], "--l2", "-1");
        Assert.Equal(1, code);
        Assert.Contains("L2 penalty", errors, StringComparison.Ordinal);
        (code, errors) = await Cli.RunCapturingErrors("train", "--input", log, "--labels", labels, "--out", dir["models/m.json"], "--prevalence", "1");
        Assert.Equal(1, code);
        Assert.Contains("prevalence", errors, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> SpoiledModels => new()
    {
        { "format", "format is 'other-model'" },
        { "version", "model file version 3 is not supported" },
        { "sign", "weight 'breadth' is -1, but a risk signal's weight must be ≥ 0" },
        { "unknown", "unknown weight 'coordination'" },
    };

    [Theory]
    [MemberData(nameof(SpoiledModels))]
    public async Task AnalyzeRefusesAModelFileItCouldMisreadAndWritesNothing(string spoil, string expected)
    {
        using var dir = new TempDir();
        var (log, labels) = await SmallHistory(dir);
        Assert.Equal(0, await Cli.Run("train", "--input", log, "--labels", labels, "--out", dir["model.json"]));
        var json = JsonNode.Parse(await File.ReadAllTextAsync(dir["model.json"]))!;
        switch (spoil)
        {
            case "format": json["format"] = "other-model"; break;
            case "version": json["version"] = 3; break;
            case "sign": json["weights"]!["breadth"] = -1; break;
            default: json["weights"]!["coordination"] = 1; break;
        }

        await File.WriteAllTextAsync(dir["spoiled.json"], json.ToJsonString());
        var (code, errors) = await Cli.RunCapturingErrors("analyze", "--input", log, "--out", dir["out"], "--model", dir["spoiled.json"]);

        Assert.Equal(1, code);
        Assert.Contains("spoiled.json", errors, StringComparison.Ordinal);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["out"]), "a refused model still produced output");
    }

    [Fact]
    public async Task AnalyzeRefusesAMissingModelFile()
    {
        using var dir = new TempDir();
        var (log, _) = await SmallHistory(dir);
        var (code, errors) = await Cli.RunCapturingErrors("analyze", "--input", log, "--out", dir["out"], "--model", dir["absent.json"]);

        Assert.Equal(1, code);
        Assert.Contains("absent.json' does not exist", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["out"]));
    }
}
