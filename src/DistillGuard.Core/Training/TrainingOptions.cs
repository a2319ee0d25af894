namespace DistillGuard.Core.Training;

/// <summary>How the two classes are weighted in the training loss.</summary>
public enum ClassWeighting
{
    /// <summary>Each class carries half the loss, however many accounts it has.</summary>
    Balanced = 0,

    /// <summary>Every account counts once.</summary>
    None,
}

/// <summary>Settings of a training run, with named defaults.</summary>
public sealed record TrainingOptions
{
    public static TrainingOptions Default { get; } = new();

    /// <summary>L2 penalty λ on the weights (not the bias), against the mean log-loss.</summary>
    public double L2 { get; init; } = 0.01;

    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.Balanced;

    public int MaxIterations { get; init; } = 200;

    /// <summary>
    /// Share of harvesting accounts the fitted probabilities are moved to (prior correction of the
    /// bias); null keeps the training set's own (class-weighted) share.
    /// </summary>
    public double? Prevalence { get; init; } = 0.05;

    public void Validate()
    {
        if (!double.IsFinite(L2) || L2 < 0)
        {
            throw new ArgumentException($"the L2 penalty must be a finite number ≥ 0, not {L2}");
        }

        if (Prevalence is { } p && !(p > 0 && p < 1))
        {
            throw new ArgumentException($"the prevalence must lie strictly between 0 and 1, not {p}");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentException("at least one iteration is needed");
        }
    }
}
