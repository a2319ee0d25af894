using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// Simulate, analyse and evaluate through the real CLI, and hold the detector to measured floors.
/// Seeds here were not used to set any parameter (those were fitted on other seeds; see
/// docs/evaluation.md).
/// </summary>
public class QualityFloorTests
{
    private static async Task<EvaluationResult> SimulateAnalyseEvaluate(TempDir dir, int seed, params string[] simulateExtra)
    {
        var data = dir["data"];
        var output = dir["out"];
        Assert.Equal(0, await Cli.Run(["simulate", "--scenario", "tiny", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", data, .. simulateExtra]));
        Assert.Equal(0, await Cli.Run("analyze", "--input", Path.Combine(data, "exchanges.jsonl.gz"), "--out", output));
        Assert.Equal(0, await Cli.Run("evaluate", "--accounts", Path.Combine(output, "accounts.csv"), "--labels", Path.Combine(data, "labels.csv")));
        return Evaluator.Evaluate(AccountsCsv.Read(Path.Combine(output, "accounts.csv")), LabelsCsv.Read(Path.Combine(data, "labels.csv")));
    }

    private static void AssertFloors(EvaluationResult result)
    {
        Assert.True(result.Precision >= 0.95, $"precision {result.Precision:0.000}");
        Assert.True(result.Recall >= 0.90, $"recall {result.Recall:0.000}");
        Assert.NotEmpty(result.OrganicFprByKind);
        Assert.All(result.OrganicFprByKind, k => Assert.True(k.Rate <= 0.02, $"{k.Kind} FPR {k.Rate:0.000}"));
        Assert.Equal(result.TrueCampaigns, result.CampaignsFound);
    }

    [Fact]
    public async Task TheTinyScenarioMeetsThePrecisionRecallAndFalsePositiveFloors()
    {
        using var dir = new TempDir();
        AssertFloors(await SimulateAnalyseEvaluate(dir, 201));
    }

    [Fact]
    public async Task TheTinyScenarioDrivenByTheSharedCorporaMeetsTheSameFloors()
    {
        using var dir = new TempDir();
        var shared = SharedData.Root;
        AssertFloors(await SimulateAnalyseEvaluate(dir, 207,
            "--organic-prompts", Path.Combine(shared, "organic"),
            "--extraction-prompts", Path.Combine(shared, "extraction")));
    }
}
