using DistillGuard.Simulation.Tests.Support;

namespace DistillGuard.Simulation.Tests;

public sealed class DeterminismTests
{
    // tiny-adversaries runs every generator tiny does not: paraphrase, cover traffic, resellers with and without a harvester.
    [Theory]
    [InlineData("tiny")]
    [InlineData("tiny-adversaries")]
    public void TheSameSeedWritesIdenticalBytes(string scenario)
    {
        using var a = SimulatedLog.Run(scenario, 42);
        using var b = SimulatedLog.Run(scenario, 42);

        Assert.Equal(File.ReadAllBytes(a.Result.ExchangesPath), File.ReadAllBytes(b.Result.ExchangesPath));
        Assert.Equal(File.ReadAllBytes(a.Result.LabelsPath), File.ReadAllBytes(b.Result.LabelsPath));
    }

    [Fact]
    public void ADifferentSeedWritesADifferentLog()
    {
        using var a = SimulatedLog.Run("tiny", 1);
        using var b = SimulatedLog.Run("tiny", 2);

        Assert.NotEqual(File.ReadAllBytes(a.Result.ExchangesPath), File.ReadAllBytes(b.Result.ExchangesPath));
        Assert.NotEqual(File.ReadAllLines(a.Result.LabelsPath), File.ReadAllLines(b.Result.LabelsPath));
    }
}
