using System.Text.Json.Nodes;
using DistillGuard.Core.Detection;
using DistillGuard.Core.Detection.Stages.TemplateFamilies;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Scoring;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>The options root is written whole with each run and read back exactly; a file may change only a few options; a bad one is refused by name.</summary>
public sealed class DetectionOptionsJsonTests
{
    [Fact]
    public void TheDefaultRootReadsBackEqual() =>
        Assert.Equal(DetectionOptions.Default, DetectionOptionsJson.Parse(DetectionOptionsJson.Write(DetectionOptions.Default)).Options);

    [Fact]
    public void AChangedOptionInEveryStageReadsBackAsChanged()
    {
        var changed = new DetectionOptions
        {
            Scoring = ScoringParameters.Default with { Breadth = 2.5, Curves = SignalCurves.Default with { ExchangesPerDay = new Ramp(0.5, 2.5, Log10: true) } },
            Linker = new LinkerOptions { SuccessionMaxGap = TimeSpan.FromHours(9), KindWeights = LinkKindWeights.Default with { EmailDomain = 0.2 } },
            TemplateFamilies = TemplateFamilyOptions.Default with { MinAccounts = 4 },
            Wording = new WordingMergeOptions { MinSimilarity = 0.6 },
            PhrasePullIn = new PhrasePullInOptions { MinShared = 4 },
        };

        Assert.Equal(changed, DetectionOptionsJson.Parse(DetectionOptionsJson.Write(changed)).Options);
    }

    [Fact]
    public void AFileThatNamesOnlyWhatItChangesKeepsEveryOtherDefault()
    {
        var parsed = DetectionOptionsJson.Parse("""{"linker": {"min_purity": 0.8}, "scoring": {"curves": {"turn_depth": {"from": 0, "to": 10}}}}""");

        Assert.Null(parsed.Error);
        Assert.Equal(DetectionOptions.Default with
        {
            Linker = new LinkerOptions { MinPurity = 0.8 },
            Scoring = ScoringParameters.Default with { Curves = SignalCurves.Default with { TurnDepth = new Ramp(0, 10) } },
        }, parsed.Options);
    }

    [Fact]
    public void TheLinkersCandidateThresholdIsTheScoringOneAndIsWrittenOnce()
    {
        var root = DetectionOptions.Default with { Scoring = ScoringParameters.Default with { CandidateThreshold = 0.05 } };

        Assert.Equal(0.05, root.Linker.CandidateThreshold);
        Assert.Null(JsonNode.Parse(DetectionOptionsJson.Write(root))!["linker"]!["candidate_threshold"]);
    }

    [Theory]
    [InlineData("""{"scoring": {"bias": -6, "surprise": 1}}""", "surprise")]
    [InlineData("""{"linker": null}""", "linker")]
    [InlineData("""{"scoring": {"breadth": "1.4"}}""", "breadth")]
    [InlineData("""{"scoring": {"breadth": -1}}""", "out of range")]
    [InlineData("""{"scoring": {"curves": {"tasks_per_day": {"from": 2, "to": 1, "log10": true}}}}""", "TasksPerDay")]
    [InlineData("""{"linker": {"kind_weights": {"payment": 3}}}""", "Payment")]
    [InlineData("""{"phrase_pull_in": {"min_shared": 0}}""", "phrase pull-in")]
    [InlineData("""{"wording": {"min_similarity": 1, "min_similarity": 0.5}}""", "not a valid JSON document")]
    [InlineData("""[1, 2]""", "JSON object")]
    public void ABadFileIsRefusedNamingWhatIsWrong(string text, string named)
    {
        var parsed = DetectionOptionsJson.Parse(text);

        Assert.Null(parsed.Options);
        Assert.Contains(named, parsed.Error, StringComparison.Ordinal);
    }
}
