namespace DistillGuard.EndToEnd.Tests;

/// <summary>The shared fixture layer: each scenario is run once, and a test's copy never reaches the shared log.</summary>
public class ScenariosTests
{
    [Fact]
    public async Task AScenarioAskedForTwiceIsSimulatedAndAnalysedOnce()
    {
        var data = await Scenarios.Tiny(201);
        Assert.Same(data, await Scenarios.Tiny(201));
        Assert.Same(await Scenarios.Analyse(data), await Scenarios.Analyse(data));
        Assert.NotSame(await Scenarios.Analyse(data), await Scenarios.Analyse(data, "--sharing-key-file", await Scenarios.Key("sharing group A")));
        Assert.Equal(await Scenarios.Key("sharing group A"), await Scenarios.Key("sharing group A"));
    }

    [Fact]
    public async Task ACopyCarriesTheEditAndTheLabelsAndLeavesTheSharedLogAsItWas()
    {
        using var dir = new TempDir();
        var shared = await Scenarios.Tiny(201);
        var before = await shared.LinesAsync();

        var copy = await shared.CopyToAsync(dir, lines => lines.Skip(1).Append("{not json"));

        Assert.StartsWith(dir.Path, copy.Log, StringComparison.Ordinal);
        Assert.Equal([.. before.Skip(1), "{not json"], await copy.LinesAsync());
        Assert.Equal(await File.ReadAllTextAsync(shared.Labels), await File.ReadAllTextAsync(copy.Labels));
        Assert.Equal(before, await shared.LinesAsync());
    }
}
