using DistillGuard.Simulation.Tests.Support;

namespace DistillGuard.Simulation.Tests;

public sealed class ScenarioTests
{
    private static readonly string[] CampaignKinds = ["hydra", "low-and-slow", "agentic"];

    [Fact]
    public void AnUnknownScenarioIsRejectedWithTheValidNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => Simulator.Run(new SimulationOptions("nope", 1, Some.TempDir())));

        foreach (string name in Scenarios.Names)
        {
            Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TinyAndDefaultAreNamedScenarios()
    {
        Assert.Contains("tiny", Scenarios.Names);
        Assert.Contains("default", Scenarios.Names);
    }

    [Fact]
    public void LongPromptsHasDefaultsPopulationsWithPromptsOfRealSize()
    {
        using var plain = SimulatedLog.Run("default", 4);
        using var pasted = SimulatedLog.Run("long-prompts", 4);
        Assert.Equal(plain.Labels.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Count()), pasted.Labels.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Count()));
        var (plainLine, plainPrompt) = MeanSizes(plain.Result.ExchangesPath);
        var (pastedLine, pastedPrompt) = MeanSizes(pasted.Result.ExchangesPath);
        Assert.True(plainLine < 1000 && plainPrompt < 250, $"default: {plainLine:0} bytes a line, {plainPrompt:0} prompt characters");
        Assert.True(pastedLine > 1100 && pastedPrompt > 400, $"long-prompts: {pastedLine:0} bytes a line, {pastedPrompt:0} prompt characters");
    }

    private static (double Line, double Prompt) MeanSizes(string exchangesPath)
    {
        long lines = 0, bytes = 0, chars = 0;
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(exchangesPath), System.IO.Compression.CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            lines++;
            bytes += System.Text.Encoding.UTF8.GetByteCount(line) + 1;
            chars += System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("prompt").GetString()!.Length;
        }

        return ((double)bytes / lines, (double)chars / lines);
    }

    [Fact]
    public void DefaultIsWithinItsTargetSizeWithMeasurableHardNegatives()
    {
        using var log = SimulatedLog.Run("default", 3);
        SimulationResult r = log.Result;
        Dictionary<string, int> perKind = log.Labels.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(r.Accounts, 2000, 4000);
        Assert.InRange(r.Exchanges, 150_000, 300_000);
        Assert.InRange((double)r.CampaignAccounts / r.Accounts, 0.08, 0.2);
        Assert.True(r.Campaigns.Count >= 3);
        Assert.True(perKind["coder"] >= 100);
        Assert.True(perKind["pipeline"] >= 50);
        Assert.True(perKind["researcher"] >= 50);
        Assert.All(CampaignKinds, k => Assert.True(perKind[k] >= 20, k));
    }
}
