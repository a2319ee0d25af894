using System.Text.Json.Nodes;
using CsCheck;
using DistillGuard.Core.Detection;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Scoring;
using DistillGuard.Core.Training;
using Xunit;

namespace DistillGuard.Core.Tests;

public class ScoringModelJsonTests
{
    private static readonly ModelProvenance Provenance = new(
        "distillguard 1.2.3+abc", new DateTimeOffset(2026, 4, 22, 10, 30, 15, 123, TimeSpan.Zero).AddTicks(4567),
        new TrainingInputSummary(1000, 990, 7, 3, 120, 4),
        new TrainingSummary(116, 40, 76, ClassWeighting.Balanced, 1.45, 0.7631578947368421, 0.01, 6, true, -2.5, 0.05,
            new TrainingMetrics(0.1234567890123, 0.8, 0.975, 0.9)));

    private static ScoringModel Sample => ScoringModel.From(ScoringParameters.Default with { Bias = -5.4321, Breadth = 0.1 + 0.2 }, Provenance);

    private static string ValidText => ScoringModelJson.Write(Sample);

    private static void AssertSameModel(ScoringModel expected, ScoringModel actual)
    {
        Assert.Equal(expected.Bias, actual.Bias);
        Assert.Equal(expected.Weights, actual.Weights);
        Assert.Equal(expected.Provenance, actual.Provenance);
    }

    [Fact]
    public void AWrittenModelReadsBackExactly()
    {
        var parsed = ScoringModelJson.Parse(ValidText);

        Assert.Null(parsed.Error);
        AssertSameModel(Sample, parsed.Model!);
        Assert.Equal(Sample.ApplyTo(ScoringParameters.Default), parsed.Model!.ApplyTo(ScoringParameters.Default));
    }

    [Fact]
    public void AnyModelWithinTheSignConstraintsRoundTrips()
    {
        var weights = Gen.Double[0, 50].Array[SignalWeights.AccountSignals.Count];
        Gen.Select(Gen.Double[-50, 50], weights).Sample((bias, magnitudes) =>
        {
            double[] signed = [.. magnitudes.Select((m, i) => SignalWeights.Direction(SignalWeights.AccountSignals[i]) == SignalDirection.Risk ? m : -m)];
            var model = new ScoringModel(bias, signed, Provenance);
            var back = ScoringModelJson.Parse(ScoringModelJson.Write(model)).Model!;
            return back.Bias.Equals(bias) && back.Weights.SequenceEqual(signed) && back.Provenance == Provenance;
        });
    }

    [Fact]
    public void TheOptionsRootAModelWasTrainedUnderTravelsWithItAndCarriesItsWeights()
    {
        var root = DetectionOptions.Default with
        {
            Scoring = ScoringParameters.Default with { Curves = SignalCurves.Default with { TurnDepth = new Ramp(0, 12) }, TwinTolerance = 3 },
            Linker = new LinkerOptions { MinPurity = 0.7 },
        };
        var model = Sample with { Options = root };

        var back = ScoringModelJson.Parse(ScoringModelJson.Write(model)).Model!;

        Assert.Equal(root, back.Options);
        Assert.Equal(new Ramp(0, 12), back.Detection.Scoring.Curves.TurnDepth);
        Assert.Equal(3, back.Detection.Scoring.TwinTolerance);
        Assert.Equal(0.7, back.Detection.Linker.MinPurity);
        Assert.Equal(-5.4321, back.Detection.Scoring.Bias);
        Assert.Equal(0.1 + 0.2, back.Detection.Scoring.Breadth);
    }

    [Fact]
    public void AVersionOneFileWithoutOptionsIsStillReadWithTheDefaultRoot()
    {
        var v1 = JsonNode.Parse(ValidText)!.AsObject();
        v1["version"] = 1;
        v1.Remove("detection_options");

        var parsed = ScoringModelJson.Parse(v1.ToJsonString());

        Assert.Null(parsed.Error);
        Assert.Null(parsed.Model!.Options);
        Assert.Equal(DetectionOptions.Default with { Scoring = Sample.ApplyTo(ScoringParameters.Default) }, parsed.Model.Detection);
        Assert.Contains("unknown property 'detection_options'", ScoringModelJson.Parse(ValidText.Replace("\"version\": 2", "\"version\": 1", StringComparison.Ordinal)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFileNamesItsFormatVersionAndEveryWeightButNoAccount()
    {
        var json = JsonNode.Parse(ValidText)!;

        Assert.Equal("distillguard-scoring-model", (string?)json["format"]);
        Assert.Equal(2, (int?)json["version"]);
        Assert.Equal(0.03, (double?)json["detection_options"]!["scoring"]!["candidate_threshold"]);
        Assert.Equal("distillguard 1.2.3+abc", (string?)json["written_by"]);
        Assert.Equal(SignalWeights.AccountSignals, json["weights"]!.AsObject().Select(p => p.Key));
        Assert.Equal(-5.4321, (double?)json["bias"]);
    }

    [Fact]
    public void ApplyingAModelReplacesTheAccountWeightsAndKeepsTheRest()
    {
        var baseline = ScoringParameters.Default with { Coordination = 3, DistillationThreshold = 0.9 };

        var applied = Sample.ApplyTo(baseline);

        Assert.Equal(-5.4321, applied.Bias);
        Assert.Equal(0.1 + 0.2, applied.Breadth);
        Assert.Equal(3, applied.Coordination);
        Assert.Equal(0.9, applied.DistillationThreshold);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { """{"format":"something-else"}""", "format is 'something-else'" },
        { "format=", "no \"format\"" },
        { "version=3", "model file version 3 is not supported" },
        { "version=0", "model file version 0 is not supported" },
        { "detection_options=", "missing property 'detection_options'" },
        { "detection_options.linker.surprise=1", "\"detection_options\": detection options:" },
        { "detection_options.scoring.curves.hour_entropy.to=0.1", "signal curve 'HourEntropy'" },
        { "version=\"1\"", "no integer \"version\"" },
        { "weights.breadth=", "missing weight(s): breadth" },
        { "weights.coordination=1", "unknown weight 'coordination'" },
        { "weights.breadth=\"1.4\"", "weight 'breadth' must be a finite number" },
        { "weights.breadth=-0.5", "weight 'breadth' is -0.5, but a risk signal's weight must be ≥ 0" },
        { "weights.conversation_depth=0.5", "weight 'conversation_depth' is 0.5, but a mitigation's weight must be ≤ 0" },
        { "bias=\"NaN\"", "\"bias\" must be a finite number" },
        { "bias=1e400", "\"bias\" must be a finite number" },
        { "extra=1", "unknown property 'extra'" },
        { "trained_at=", "missing property 'trained_at'" },
        { "trained_at=\"yesterday\"", "\"trained_at\" must be an ISO 8601 date-time" },
        { "training.fit.surprise=1", "malformed \"training\" section" },
        { "training.fit.positives=", "malformed \"training\" section" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void AFileThatCouldBeMisreadIsRefusedWithItsReason(string change, string reason)
    {
        var parsed = ScoringModelJson.Parse(Apply(ValidText, change));

        Assert.Null(parsed.Model);
        Assert.Contains(reason, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ARepeatedWeightIsRefusedAndNamed()
    {
        var text = ValidText.Replace("\"breadth\":", "\"breadth\": 1.0,\n    \"breadth\":", StringComparison.Ordinal);

        var parsed = ScoringModelJson.Parse(text);

        Assert.Null(parsed.Model);
        Assert.Contains("breadth", parsed.Error, StringComparison.Ordinal);
        Assert.Contains("repeated property", parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ANaNLiteralOrTruncatedFileIsNotJson()
    {
        Assert.Contains("not a valid JSON document", ScoringModelJson.Parse(ValidText.Replace("\"bias\": -5.4321", "\"bias\": NaN", StringComparison.Ordinal)).Error, StringComparison.Ordinal);
        Assert.Contains("not a valid JSON document", ScoringModelJson.Parse(ValidText[..(ValidText.Length / 2)]).Error, StringComparison.Ordinal);
        Assert.Equal("not a JSON object", ScoringModelJson.Parse("[1, 2]").Error);
    }

    [Fact]
    public void AModelBreakingTheSignConstraintIsNeverWritten() =>
        Assert.Throws<ArgumentException>(() => ScoringModelJson.Write(Sample with { Weights = [.. Sample.Weights.Select(w => -1.0)] }));

    /// <summary>Applies "path=json" (set), "path=" (remove) or a whole replacement document to a model text.</summary>
    private static string Apply(string text, string change)
    {
        if (change.StartsWith('{'))
        {
            return change;
        }

        var root = JsonNode.Parse(text)!.AsObject();
        var (path, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate(root, (node, name) => node[name]!.AsObject());
        if (value.Length == 0)
        {
            parent.Remove(segments[^1]);
        }
        else
        {
            parent[segments[^1]] = JsonNode.Parse(value);
        }

        return root.ToJsonString();
    }
}
