using Xunit;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Tests;

/// <summary>The twin band: a further account driven by the same script falls inside it on every dimension, most of the time.</summary>
public class ProfileSpreadTests
{
    private static double[] Draw(Random rng, double[] mean, double sd) =>
        [.. mean.Select(m => m + (sd * Gaussian(rng)))];

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    [Fact]
    public void PredictionDistanceWidensTheSpreadForTheMembersTheCentroidWasMeasuredOn()
    {
        double[][] members = [[.. Enumerable.Repeat(0.0, BehaviourProfile.Dimensions)], [.. Enumerable.Repeat(1.0, BehaviourProfile.Dimensions)]];
        var spread = BehaviourProfile.Spread(members);
        double[] point = [.. Enumerable.Repeat(1.5, BehaviourProfile.Dimensions)];

        Assert.Equal(2, spread.Count);
        Assert.Equal(2.0, spread.Distance(point, 0.01), 9);
        Assert.Equal(2.0 / Math.Sqrt(1.5), spread.PredictionDistance(point, 0.01), 9);
    }

    [Fact]
    public void FurtherAccountsOfOneDriverFallInsideTheTwinBandAtLeastThreeTimesInFourAndOutsidersSeldom()
    {
        var rng = new Random(7);
        var tolerance = ScoringParameters.Default.TwinTolerance;
        double[] centre = [.. Enumerable.Range(0, BehaviourProfile.Dimensions).Select(d => 0.2 + (0.06 * d))];
        int inside = 0, outsiders = 0, trials = 0;
        for (var campaign = 0; campaign < 40; campaign++)
        {
            var spread = BehaviourProfile.Spread([.. Enumerable.Range(0, 8 + (campaign % 20)).Select(_ => Draw(rng, centre, 0.05))]);
            for (var k = 0; k < 50; k++, trials++)
            {
                inside += spread.PredictionDistance(Draw(rng, centre, 0.05), 0.03) <= tolerance ? 1 : 0;

                // Someone else: the same on nine dimensions, five spreads off on one.
                var other = Draw(rng, centre, 0.05);
                other[k % BehaviourProfile.Dimensions] += 0.25;
                outsiders += spread.PredictionDistance(other, 0.03) <= tolerance ? 1 : 0;
            }
        }

        Assert.InRange(inside / (double)trials, 0.75, 1.0);
        Assert.InRange(outsiders / (double)trials, 0.0, 0.1);
    }
}
