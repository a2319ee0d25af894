using DistillGuard.Core.Detection;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Training;

/// <summary>Who wrote a model, when, and from what (counts only).</summary>
/// <param name="WrittenBy">Product and version that trained the model, e.g. <c>distillguard 1.0.0+abc123</c>.</param>
public sealed record ModelProvenance(string WrittenBy, DateTimeOffset TrainedAt, TrainingInputSummary Input, TrainingSummary Fit);

/// <summary>
/// A trained account-level harvest model: the bias and one weight per per-account signal, in
/// <see cref="SignalWeights.AccountSignals"/> order. Applying it to a baseline replaces exactly those
/// and keeps the baseline's campaign and linking parameters.
/// </summary>
public sealed record ScoringModel(double Bias, IReadOnlyList<double> Weights, ModelProvenance Provenance)
{
    /// <summary>The detection options root the model was trained under (curves, linking, families); null for a file that did not record one (version 1), read as the defaults.</summary>
    public DetectionOptions? Options { get; init; }

    /// <summary>The options root a run with this model uses: the one it was trained under, with the model's weights.</summary>
    public DetectionOptions Detection
    {
        get
        {
            var root = Options ?? DetectionOptions.Default;
            return root with { Scoring = ApplyTo(root.Scoring) };
        }
    }

    public static ScoringModel From(ScoringParameters parameters, ModelProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ScoringModel(parameters.Bias, [.. SignalWeights.AccountSignals.Select(s => SignalWeights.Get(parameters, s))], provenance);
    }

    public ScoringParameters ApplyTo(ScoringParameters baseline) => SignalWeights.WithAccountModel(baseline, Bias, Weights);

    /// <summary>Null when every number is finite and every weight has its signal's sign; otherwise the first problem.</summary>
    public string? Problem()
    {
        if (Weights.Count != SignalWeights.AccountSignals.Count)
        {
            return $"expected {SignalWeights.AccountSignals.Count} weights, got {Weights.Count}";
        }

        if (!double.IsFinite(Bias))
        {
            return $"bias is {Bias}, not a finite number";
        }

        for (var i = 0; i < Weights.Count; i++)
        {
            var signal = SignalWeights.AccountSignals[i];
            if (!double.IsFinite(Weights[i]))
            {
                return $"weight '{signal}' is {Weights[i]}, not a finite number";
            }

            if (!SignalWeights.HasAllowedSign(signal, Weights[i]))
            {
                return SignalWeights.Direction(signal) == SignalDirection.Risk
                    ? $"weight '{signal}' is {Weights[i]}, but a risk signal's weight must be ≥ 0 (the score must never fall when a risk signal grows)"
                    : $"weight '{signal}' is {Weights[i]}, but a mitigation's weight must be ≤ 0";
            }
        }

        return null;
    }
}
