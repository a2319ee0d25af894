using DistillGuard.Core.Scoring;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>Each per-account signal is one definition, and everything that reads weights reads it.</summary>
public sealed class SignalDefinitionTests
{
    [Fact]
    public void EverySignalIsDefinedOnceWithADefaultOfTheSignItsDirectionAllows()
    {
        Assert.Equal(HarvestSignals.Definitions.Count, HarvestSignals.Definitions.Select(d => d.Id).Distinct().Count());
        Assert.All(HarvestSignals.Definitions, d => Assert.True(SignalWeights.HasAllowedSign(d.Id, d.DefaultWeight), d.Id));
        Assert.Equal(HarvestSignals.Definitions.Select(d => d.Id), SignalWeights.AccountSignals);
    }

    [Fact]
    public void ReplacingOneSignalsWeightChangesThatWeightAndNoOther()
    {
        foreach (var signal in HarvestSignals.Definitions)
        {
            var changed = signal.WithWeight(ScoringParameters.Default, signal.Direction == SignalDirection.Risk ? 9.5 : -9.5);

            Assert.Equal(signal.Direction == SignalDirection.Risk ? 9.5 : -9.5, signal.Weight(changed));
            Assert.All(HarvestSignals.Definitions.Where(d => d.Id != signal.Id), other => Assert.Equal(other.DefaultWeight, other.Weight(changed)));
        }
    }

    [Fact]
    public void AWeightOfTheWrongSignIsRefusedForEverySignal() =>
        Assert.All(HarvestSignals.Definitions, d =>
            Assert.Throws<ArgumentException>(() => d.WithWeight(ScoringParameters.Default, d.Direction == SignalDirection.Risk ? -1 : 1).Validate()));
}
