using System.Text.Json.Nodes;
using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// A log exported without `conversation_id` and `turn_index` (both optional): heavy coders' agent sessions must not
/// turn into single-shot harvesting. Seed 201 was not used to set any parameter.
/// </summary>
public class MissingTurnFieldsTests
{
    private static async Task<EvaluationResult> AnalyseWithout(TempDir dir, bool shuffle)
    {
        var bare = await (await Scenarios.Tiny(201)).CopyToAsync(dir, lines =>
        {
            var stripped = lines.Select(line =>
            {
                var record = JsonNode.Parse(line)!.AsObject();
                record.Remove("conversation_id");
                record.Remove("turn_index");
                return record.ToJsonString();
            }).ToList();
            if (shuffle)
            {
                // Exported in an order that is not time order (a seeded shuffle, the same on every run).
                new Random(201).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stripped));
            }

            return stripped;
        });

        Assert.DoesNotContain(await bare.LinesAsync(), l => l.Contains("\"turn_index\"", StringComparison.Ordinal));
        Assert.Equal(0, await Cli.Run("analyze", "--input", bare.Log, "--out", dir["out"]));
        return new AnalysedScenario(bare, dir["out"]).Evaluate();
    }

    [Fact]
    public async Task WithoutTurnNumbersInTimeOrderTheDetectionIssuesFloorsStillHold()
    {
        using var dir = new TempDir();
        var result = await AnalyseWithout(dir, shuffle: false);

        // Measured: precision 1.000, recall 0.984, no organic account flagged (as with the fields).
        Assert.True(result.Precision >= 0.99, $"precision {result.Precision:0.000}");
        Assert.True(result.Recall >= 0.95, $"recall {result.Recall:0.000}");
        Assert.Equal(0, result.OrganicFpr);
        Assert.Equal(result.TrueCampaigns, result.CampaignsFound);
    }

    [Fact]
    public async Task WithoutTurnNumbersOutOfTimeOrderNoHeavyCoderIsFlagged()
    {
        using var dir = new TempDir();
        var result = await AnalyseWithout(dir, shuffle: true);

        // Out of order only the history's size is left: coders stay unflagged, and agentic harvesters, whose sessions
        // look as deep, may be missed (measured: precision 1.000, recall 0.790, the agentic operator missed).
        Assert.True(result.Precision >= 0.99, $"precision {result.Precision:0.000}");
        Assert.Equal(0, result.OrganicFpr);
        Assert.Contains(result.OrganicFprByKind, k => k.Kind == "coder" && k.Rate == 0);
        Assert.True(result.Recall >= 0.75, $"recall {result.Recall:0.000}");
    }
}
