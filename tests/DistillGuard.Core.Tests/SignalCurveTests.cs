using CsCheck;
using DistillGuard.Core.Scoring;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>Signals read behaviour through named ramps: each ramp saturates in [0, 1], and moving one moves only the signals that read it.</summary>
public sealed class SignalCurveTests
{
    private static readonly Gen<Ramp> Ramps =
        from start in Gen.Double[-5, 5]
        from width in Gen.Double[0.01, 10]
        from log in Gen.Bool
        select new Ramp(start, start + width, log);

    [Fact]
    public void ARampStaysInTheUnitIntervalAndNeverFallsAsItsInputGrows() =>
        Gen.Select(Ramps, Gen.Double[-1e6, 1e6], Gen.Double[0, 1e6]).Sample((ramp, x, step) =>
        {
            var (low, high) = (ramp.At(x), ramp.At(x + step));
            return low is >= 0 and <= 1 && high is >= 0 and <= 1 && high >= low;
        });

    [Fact]
    public void ARampIsZeroAtItsStartAndFullAtItsEnd() =>
        Ramps.Sample(ramp =>
        {
            var (start, end) = ramp.Log10 ? (Math.Pow(10, ramp.From), Math.Pow(10, ramp.To)) : (ramp.From, ramp.To);
            return ramp.At(start) < 1e-9 && ramp.At(end) > 1 - 1e-9 && ramp.At(double.NaN) == 0;
        });

    [Fact]
    public void MovingOneCurveMovesOnlyTheSignalsThatReadIt()
    {
        // Halving where the reasoning-token ramp saturates doubles that signal on an account below it, and no other signal moves.
        var account = TrainingData.Account("a", reasoningTokens: 1000);
        var before = HarvestSignals.Of(account, SignalCurves.Default);
        var after = HarvestSignals.Of(account, SignalCurves.Default with { ReasoningTokens = new Ramp(0, 2000) });

        for (var i = 0; i < before.Count; i++)
        {
            if (before[i].Name == SignalNames.ReasoningBudget)
            {
                Assert.Equal(2 * before[i].Value, after[i].Value, 9);
            }
            else
            {
                Assert.Equal(before[i].Value, after[i].Value);
            }
        }
    }

    [Fact]
    public void AFallingOrMissingRampIsRefusedByItsName()
    {
        var falling = Assert.Throws<ArgumentException>(() => (ScoringParameters.Default with { Curves = SignalCurves.Default with { HourEntropy = new Ramp(0.97, 0.8) } }).Validate());
        Assert.Contains("HourEntropy", falling.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<ArgumentException>(() => (SignalCurves.Default with { TurnDepth = null! }).Validate());
        Assert.Contains("TurnDepth", missing.Message, StringComparison.Ordinal);
    }
}
