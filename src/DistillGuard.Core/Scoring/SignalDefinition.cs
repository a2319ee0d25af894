using DistillGuard.Core.Model;

namespace DistillGuard.Core.Scoring;

/// <summary>A signal's value in [0, 1] for one account, and the sentence that explains it.</summary>
public readonly record struct SignalReading(double Value, string Evidence);

/// <summary>
/// One per-account signal, defined once: its stable id, which way it may move the score, where its weight lives in
/// <see cref="ScoringParameters"/> (and how to replace it), and how it reads an account through its named curves
/// (<see cref="SignalCurves"/>). The scorer, training, the model
/// file and validation all read these definitions (<see cref="HarvestSignals.Definitions"/>).
/// </summary>
public sealed record SignalDefinition(
    string Id,
    SignalDirection Direction,
    Func<ScoringParameters, double> Weight,
    Func<ScoringParameters, double, ScoringParameters> WithWeight,
    Func<AccountFeatures, SignalCurves, SignalReading> Read)
{
    /// <summary>The hand-set prior (docs/scoring.md).</summary>
    public double DefaultWeight => Weight(ScoringParameters.Default);
}
