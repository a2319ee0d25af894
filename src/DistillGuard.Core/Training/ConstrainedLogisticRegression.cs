namespace DistillGuard.Core.Training;

/// <summary>
/// Fits a <see cref="LogisticProblem"/> by projected Newton with an active set (Bertsekas 1982, the
/// box-constrained Newton method L-BFGS-B approximates): coefficients at a bound whose gradient
/// pushes them outwards are held there, the rest take a Newton step, and the step is projected back
/// into the box with an Armijo backtracking search along the projection arc. The problem is convex
/// (strictly, in the weights, when λ &gt; 0), so the answer is its unique constrained optimum.
/// Hand-written on purpose: ML.NET's logistic trainers (L-BFGS, SDCA) cannot constrain the sign of
/// a weight, and the score's monotonicity in every risk signal depends on it. Pure and deterministic.
/// </summary>
public static class ConstrainedLogisticRegression
{
    private const double ArmijoFraction = 1e-4;
    private const double ActiveMargin = 1e-6;
    private const int MaxHalvings = 50;

    public static LogisticFit Fit(LogisticProblem problem, int maxIterations = 200, double tolerance = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Validate();
        Bound[] bounds = [Bound.Free, .. problem.Bounds];
        var theta = new double[bounds.Length];
        theta[0] = BaseRateLogOdds(problem);
        var objective = Objective(problem, theta);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var (gradient, hessian) = GradientAndHessian(problem, theta);
            var residual = ProjectedGradient(theta, gradient, bounds);
            if (residual <= tolerance)
            {
                return Result(theta, objective, residual, iteration, converged: true);
            }

            var newton = NewtonDirection(theta, gradient, hessian, bounds, Math.Min(ActiveMargin, residual));
            if (!TryStep(problem, bounds, theta, objective, gradient, newton, out var next, out var nextObjective)
                && !TryStep(problem, bounds, theta, objective, gradient, [.. gradient.Select(g => -g)], out next, out nextObjective))
            {
                // No representable decrease left: the answer is as good as doubles allow.
                return Result(theta, objective, residual, iteration, converged: residual <= Math.Sqrt(tolerance));
            }

            theta = next;
            objective = nextObjective;
        }

        var (finalGradient, _) = GradientAndHessian(problem, theta);
        var finalResidual = ProjectedGradient(theta, finalGradient, bounds);
        return Result(theta, objective, finalResidual, maxIterations, finalResidual <= tolerance);
    }

    /// <summary>The regularised, weighted mean log-loss at bias <c>theta[0]</c> and weights <c>theta[1..]</c>.</summary>
    public static double Objective(LogisticProblem problem, IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(theta);
        double loss = 0, total = 0;
        for (var i = 0; i < problem.Rows.Count; i++)
        {
            var z = LinearPredictor(problem.Rows[i], theta);
            loss += problem.SampleWeights[i] * (Softplus(z) - (problem.Labels[i] ? z : 0));
            total += problem.SampleWeights[i];
        }

        double penalty = 0;
        for (var j = 1; j < theta.Count; j++)
        {
            penalty += theta[j] * theta[j];
        }

        return (loss / total) + (problem.L2 / 2 * penalty);
    }

    /// <summary>log(1 + eᶻ) without overflow.</summary>
    public static double Softplus(double z) => z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));

    private static LogisticFit Result(double[] theta, double objective, double residual, int iterations, bool converged) =>
        new(theta[0], theta[1..], objective, residual, iterations, converged);

    private static double LinearPredictor(double[] row, IReadOnlyList<double> theta)
    {
        var z = theta[0];
        for (var j = 0; j < row.Length; j++)
        {
            z += theta[j + 1] * row[j];
        }

        return z;
    }

    // Starting from the weighted base rate saves the first few iterations on unbalanced data.
    private static double BaseRateLogOdds(LogisticProblem problem)
    {
        double positive = 0, total = 0;
        for (var i = 0; i < problem.Labels.Count; i++)
        {
            total += problem.SampleWeights[i];
            positive += problem.Labels[i] ? problem.SampleWeights[i] : 0;
        }

        var rate = Math.Clamp(positive / total, 1e-6, 1 - 1e-6);
        return Math.Log(rate / (1 - rate));
    }

    private static (double[] Gradient, double[,] Hessian) GradientAndHessian(LogisticProblem problem, double[] theta)
    {
        var k = theta.Length;
        var gradient = new double[k];
        var hessian = new double[k, k];
        var total = problem.SampleWeights.Sum();
        var x = new double[k];
        x[0] = 1;
        for (var i = 0; i < problem.Rows.Count; i++)
        {
            problem.Rows[i].CopyTo(x, 1);
            var p = Sigmoid(LinearPredictor(problem.Rows[i], theta));
            var c = problem.SampleWeights[i] / total;
            var residual = c * (p - (problem.Labels[i] ? 1 : 0));
            var curvature = c * p * (1 - p);
            for (var a = 0; a < k; a++)
            {
                gradient[a] += residual * x[a];
                for (var b = 0; b <= a; b++)
                {
                    hessian[a, b] += curvature * x[a] * x[b];
                }
            }
        }

        for (var a = 0; a < k; a++)
        {
            if (a > 0)
            {
                gradient[a] += problem.L2 * theta[a];
                hessian[a, a] += problem.L2;
            }

            for (var b = 0; b < a; b++)
            {
                hessian[b, a] = hessian[a, b];
            }
        }

        return (gradient, hessian);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Largest |θ − P(θ − ∇)|: zero exactly at a point satisfying the constrained optimality conditions.</summary>
    private static double ProjectedGradient(double[] theta, double[] gradient, Bound[] bounds)
    {
        var largest = 0.0;
        for (var j = 0; j < theta.Length; j++)
        {
            largest = Math.Max(largest, Math.Abs(theta[j] - bounds[j].Project(theta[j] - gradient[j])));
        }

        return largest;
    }

    private static bool IsActive(double value, double gradient, Bound bound, double margin) =>
        (value <= bound.Lower + margin && gradient > 0) || (value >= bound.Upper - margin && gradient < 0);

    /// <summary>Newton step on the free coefficients; a scaled gradient step (towards their bound) on the active ones.</summary>
    private static double[] NewtonDirection(double[] theta, double[] gradient, double[,] hessian, Bound[] bounds, double margin)
    {
        var k = theta.Length;
        var free = Enumerable.Range(0, k).Where(j => !IsActive(theta[j], gradient[j], bounds[j], margin)).ToArray();
        var direction = new double[k];
        for (var j = 0; j < k; j++)
        {
            direction[j] = -gradient[j] / Math.Max(hessian[j, j], 1e-12);
        }

        if (free.Length == 0)
        {
            return direction;
        }

        var system = new double[free.Length, free.Length];
        var rhs = new double[free.Length];
        for (var a = 0; a < free.Length; a++)
        {
            rhs[a] = -gradient[free[a]];
            for (var b = 0; b < free.Length; b++)
            {
                system[a, b] = hessian[free[a], free[b]];
            }
        }

        var solution = SymmetricSolver.Solve(system, rhs);
        for (var a = 0; a < free.Length; a++)
        {
            direction[free[a]] = solution[a];
        }

        return direction;
    }

    /// <summary>Armijo backtracking along the projection arc P(θ + α·d).</summary>
    private static bool TryStep(
        LogisticProblem problem, Bound[] bounds, double[] theta, double objective, double[] gradient, double[] direction,
        out double[] next, out double nextObjective)
    {
        var alpha = 1.0;
        for (var halving = 0; halving < MaxHalvings; halving++, alpha /= 2)
        {
            var candidate = new double[theta.Length];
            var predicted = 0.0;
            for (var j = 0; j < theta.Length; j++)
            {
                candidate[j] = bounds[j].Project(theta[j] + (alpha * direction[j]));
                predicted += gradient[j] * (candidate[j] - theta[j]);
            }

            if (predicted >= 0)
            {
                continue;
            }

            var value = Objective(problem, candidate);
            if (value <= objective + (ArmijoFraction * predicted))
            {
                next = candidate;
                nextObjective = value;
                return true;
            }
        }

        next = theta;
        nextObjective = objective;
        return false;
    }
}
