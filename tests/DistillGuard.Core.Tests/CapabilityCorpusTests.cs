using Xunit;
using System.Text.Json;
using DistillGuard.Core.Content;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Tests;

/// <summary>
/// The lexical capability classifier on the real public corpora in ../shared/data: each set of the kind
/// used to distill models is recognised as what it targets, and casual chat as chat. Floors are the shares
/// measured when the test was written, less a margin.
/// </summary>
public sealed class CapabilityCorpusTests
{
    [Theory]
    [InlineData("extraction/gpteacher_codegen.jsonl", 0.85, Capability.Coding)] // measured 0.89
    [InlineData("extraction/gsm8k.jsonl", 0.85, Capability.Math)] // 0.88
    [InlineData("extraction/gpteacher_toolformer.jsonl", 0.95, Capability.AgenticToolUse, Capability.Coding)] // 0.98
    [InlineData("extraction/planbench_plan_generation.jsonl", 0.95, Capability.Planning, Capability.Reasoning)] // 1.00
    [InlineData("extraction/bbh.jsonl", 0.70, Capability.Reasoning, Capability.Math, Capability.Planning)] // 0.74
    [InlineData("organic/convai2_wild_eval.jsonl", 0.95, Capability.Chat)] // 0.99
    public void EachCorpusIsRecognisedAsWhatItTargets(string corpus, double floor, params Capability[] expected)
    {
        var prompts = Read(corpus);
        var share = prompts.Count(p => expected.Contains(CapabilityClassifier.Default.Classify(p))) / (double)prompts.Count;

        Assert.True(prompts.Count >= 1000, $"{corpus}: {prompts.Count} prompts");
        Assert.True(share >= floor, $"{corpus}: {share:P1} classified as {string.Join("/", expected)}, floor {floor:P0}");
    }

    private static List<string> Read(string corpus) =>
        [.. File.ReadLines(Path.Combine(SharedData.Root, corpus)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)];
}
