namespace DistillGuard.Core.Training;

/// <summary>The interval a coefficient must stay in; an open side is an infinity.</summary>
public readonly record struct Bound(double Lower, double Upper)
{
    public static Bound Free { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    public static Bound NonNegative { get; } = new(0, double.PositiveInfinity);

    public static Bound NonPositive { get; } = new(double.NegativeInfinity, 0);

    public double Project(double value) => Math.Clamp(value, Lower, Upper);
}

/// <summary>
/// A weighted, L2-regularised logistic regression with box constraints on the weights:
/// minimise Σ cᵢ·logloss(yᵢ, b + w·xᵢ) / Σ cᵢ + (λ/2)·‖w‖², with every wⱼ inside its bound.
/// The bias b is free and not penalised. Rows are feature vectors of equal length.
/// </summary>
public sealed record LogisticProblem(
    IReadOnlyList<double[]> Rows, IReadOnlyList<bool> Labels, IReadOnlyList<double> SampleWeights, IReadOnlyList<Bound> Bounds, double L2)
{
    public int Features => Bounds.Count;

    /// <summary>Throws for a problem the solver cannot take (a bug in the caller, not bad user input).</summary>
    public void Validate()
    {
        if (Rows.Count == 0 || Rows.Count != Labels.Count || Rows.Count != SampleWeights.Count)
        {
            throw new ArgumentException("rows, labels and sample weights must be non-empty and of equal length");
        }

        if (Rows.Any(r => r.Length != Features || r.Any(v => !double.IsFinite(v))))
        {
            throw new ArgumentException($"every row needs {Features} finite values");
        }

        if (SampleWeights.Any(c => !(c > 0) || !double.IsFinite(c)) || !(L2 >= 0) || !double.IsFinite(L2))
        {
            throw new ArgumentException("sample weights must be positive and the L2 penalty non-negative");
        }

        if (Bounds.Any(b => !(b.Lower <= 0) || !(b.Upper >= 0)))
        {
            throw new ArgumentException("every bound must contain zero (the solver starts there)");
        }
    }
}

/// <summary>The solver's answer: the fitted bias and weights, and how it got there.</summary>
/// <param name="ProjectedGradient">Largest component of the projected gradient at the answer (0 at the exact optimum).</param>
public sealed record LogisticFit(double Bias, IReadOnlyList<double> Weights, double Objective, double ProjectedGradient, int Iterations, bool Converged);
