using System.Text.Json;
using DistillGuard.Simulation.Tests.Support;

namespace DistillGuard.Simulation.Tests;

public sealed class CorpusTests
{
    [Fact]
    public void AnOrganicCorpusReplacesTheProceduralPromptsOfCasualUsers()
    {
        string dir = Some.TempDir();
        string[] texts = [.. Enumerable.Range(0, 40).Select(i => $"organic corpus question number {i}")];
        string corpus = Some.Corpus(dir, "organic.jsonl", texts);

        using var log = SimulatedLog.Run("tiny", 5, organic: corpus);
        var casualOpeners = log.RecordsOfKind("casual")
            .Where(r => r.TryGetProperty("turn_index", out JsonElement t) && t.GetInt32() == 0)
            .Select(r => r.GetProperty("prompt").GetString()!).ToList();

        Assert.NotEmpty(casualOpeners);
        Assert.True(casualOpeners.Count(p => texts.Contains(p)) > casualOpeners.Count * 0.6);
        Assert.Contains(log.RecordsOfKind("casual"), r => r.GetProperty("prompt").GetString()!.StartsWith("follow organic corpus", StringComparison.Ordinal));
    }

    [Fact]
    public void AnExtractionCorpusFolderFeedsTheCampaignsEveryJsonlFileIncluded()
    {
        string dir = Some.TempDir();
        Some.Corpus(dir, "a.jsonl", Enumerable.Range(0, 300).Select(i => $"alpha extraction item {i}"));
        Some.Corpus(dir, "b.jsonl", Enumerable.Range(0, 300).Select(i => $"beta extraction item {i}"));
        File.WriteAllText(Path.Combine(dir, "ignored.txt"), "{\"text\":\"gamma not a corpus file\"}\n");

        using var log = SimulatedLog.Run("tiny", 5, extraction: dir);
        var hydra = log.RecordsOfKind("hydra").Select(r => r.GetProperty("prompt").GetString()!).Where(p => p.Length > 0).ToList();

        Assert.All(hydra, p => Assert.Contains(" extraction item ", p, StringComparison.Ordinal));
        Assert.Contains(hydra, p => p.Contains("alpha", StringComparison.Ordinal));
        Assert.Contains(hydra, p => p.Contains("beta", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Records, r => r.GetProperty("prompt").GetString()!.Contains("gamma", StringComparison.Ordinal));
    }

    [Fact]
    public void ACorpusWithoutUsableRecordsIsAClearError()
    {
        string dir = Some.TempDir();
        string path = Path.Combine(dir, "empty.jsonl");
        File.WriteAllText(path, "not json\n{\"source\":\"x\"}\n");

        var ex = Assert.Throws<InvalidDataException>(() => Simulator.Run(new SimulationOptions("tiny", 1, dir, OrganicPromptsPath: path)));
        Assert.Contains("empty.jsonl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSharedOrganicCorporaAreUsedWhenTheyArePresent()
    {
        string? root = Some.RepoRoot();
        string folder = root is null ? string.Empty : Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "organic"));
        if (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.jsonl").Length == 0)
        {
            return; // The product must run without /work/shared; nothing to check here.
        }

        var texts = Directory.GetFiles(folder, "*.jsonl")
            .SelectMany(File.ReadLines)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!)
            .ToHashSet(StringComparer.Ordinal);

        using var log = SimulatedLog.Run("tiny", 9, organic: folder);
        var openers = log.RecordsOfKind("casual")
            .Where(r => r.GetProperty("turn_index").GetInt32() == 0 && r.GetProperty("prompt").GetString()!.Length > 0)
            .Select(r => r.GetProperty("prompt").GetString()!).ToList();

        Assert.True(openers.Count(texts.Contains) > openers.Count * 0.6);
    }
}
