using CsCheck;
using DistillGuard.Core.Training;
using Xunit;

namespace DistillGuard.Core.Tests;

public class ConstrainedLogisticRegressionTests
{
    private static readonly Bound[] ThreeRisksAndAMitigation = [Bound.NonNegative, Bound.NonNegative, Bound.NonNegative, Bound.NonPositive];

    /// <summary>Rows uniform in [0,1]^d, labelled by the sign of b + w·x: linearly separable.</summary>
    private static LogisticProblem Separable(double[] truth, double bias, Bound[] bounds, int rows, int seed, double l2)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, rows).Select(_ => truth.Select(_ => random.NextDouble()).ToArray()).ToArray();
        var y = x.Select(r => bias + r.Select((v, j) => v * truth[j]).Sum() > 0).ToArray();
        return new LogisticProblem(x, y, [.. y.Select(_ => 1.0)], bounds, l2);
    }

    [Fact]
    public void OnSeparableDataTheFitRecoversTheSignsAndTheOrderOfTheTrueWeights()
    {
        var problem = Separable([4, 2, 0, -3], -1.5, ThreeRisksAndAMitigation, rows: 3000, seed: 7, l2: 1e-3);

        var fit = ConstrainedLogisticRegression.Fit(problem);

        Assert.True(fit.Converged, $"projected gradient {fit.ProjectedGradient}");
        var w = fit.Weights;
        Assert.True(w[0] > w[1] && w[1] > 0, $"weights {string.Join(", ", w)}");
        Assert.True(w[2] < 0.1 * w[1], $"irrelevant signal got {w[2]}");
        Assert.True(w[3] < -0.5 * w[1], $"mitigation got {w[3]}");
        Assert.True(fit.Bias < 0);
        var correct = problem.Rows.Select((r, i) => fit.Bias + r.Select((v, j) => v * w[j]).Sum() > 0 == problem.Labels[i]).Count(c => c);
        Assert.True(correct >= 0.97 * problem.Rows.Count, $"{correct} of {problem.Rows.Count} on the right side");
    }

    [Fact]
    public void ARiskSignalTheDataWantsNegativeIsHeldAtZeroAndTheOthersStillFit()
    {
        // The truth gives the second "risk" signal a negative effect: the constraint must win, exactly.
        var problem = Separable([3, -2, 1.5, -1], -1, ThreeRisksAndAMitigation, rows: 2000, seed: 11, l2: 1e-3);

        var fit = ConstrainedLogisticRegression.Fit(problem);

        Assert.True(fit.Converged);
        Assert.Equal(0.0, fit.Weights[1]);
        Assert.True(fit.Weights[0] > fit.Weights[2] && fit.Weights[2] > 0);
        Assert.True(fit.Weights[3] < 0);
    }

    private static readonly Gen<LogisticProblem> Problems =
        from d in Gen.Int[1, 6]
        from n in Gen.Int[2, 40]
        from rows in Gen.Double[0, 1].Array[d].Array[n]
        from labels in Gen.Bool.Array[n]
        from weights in Gen.Double[0.1, 5].Array[n]
        from bounds in Gen.OneOf(Bound.NonNegative, Bound.NonPositive, Bound.Free).Array[d]
        from l2 in Gen.OneOf(0.0, 1e-3, 0.1)
        from flip in Gen.Int[0, n - 1]
        let both = labels.All(l => l == labels[0]) ? labels.Select((l, i) => i == flip ? !l : l).ToArray() : labels
        select new LogisticProblem(rows, both, weights, bounds, l2);

    [Fact]
    public void FittedWeightsStayInsideTheirBoundsForAnyData()
    {
        Problems.Sample(problem =>
        {
            var fit = ConstrainedLogisticRegression.Fit(problem);
            return fit.Weights.Select((w, j) => w >= problem.Bounds[j].Lower && w <= problem.Bounds[j].Upper && double.IsFinite(w)).All(ok => ok)
                && double.IsFinite(fit.Bias);
        }, iter: 300);
    }

    [Fact]
    public void NoFeasiblePointNearTheAnswerHasALowerObjective()
    {
        // Convex problem: if small feasible moves never help, the answer is the constrained optimum.
        Problems.Where(p => p.L2 > 0).Select(Gen.Double[-0.05, 0.05].Array[7]).Sample((problem, nudge) =>
        {
            var fit = ConstrainedLogisticRegression.Fit(problem);
            double[] best = [fit.Bias, .. fit.Weights];
            var moved = best.Select((v, j) => j == 0 ? v + nudge[0] : problem.Bounds[j - 1].Project(v + nudge[j])).ToArray();
            return ConstrainedLogisticRegression.Objective(problem, best) <= ConstrainedLogisticRegression.Objective(problem, moved) + 1e-9;
        }, iter: 300);
    }

    [Fact]
    public void TheSolverConvergesOnWellPosedProblems()
    {
        Problems.Where(p => p.L2 > 0).Sample(problem =>
        {
            var fit = ConstrainedLogisticRegression.Fit(problem);
            return fit.Converged && fit.ProjectedGradient <= 1e-4;
        }, iter: 300);
    }
}
