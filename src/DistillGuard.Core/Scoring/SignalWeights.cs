namespace DistillGuard.Core.Scoring;

/// <summary>Which way a signal may move the score: risks only up, mitigations only down.</summary>
public enum SignalDirection
{
    Risk = 0,
    Mitigation,
}

/// <summary>
/// The per-account signal weights of <see cref="ScoringParameters"/> addressed by stable signal name, with the sign
/// each must keep, read from the signals' definitions (<see cref="HarvestSignals.Definitions"/>). The account-level
/// harvest model is exactly these weights plus the bias; training fits them and a model file stores them under these names.
/// </summary>
public static class SignalWeights
{
    /// <summary>The per-account signals, in the order <see cref="HarvestSignals.Of"/> produces them.</summary>
    public static IReadOnlyList<string> AccountSignals { get; } = [.. HarvestSignals.Definitions.Select(d => d.Id)];

    public static bool IsAccountSignal(string signal) => IndexOf(signal) >= 0;

    /// <summary>The signal's position in <see cref="AccountSignals"/>, or -1.</summary>
    public static int IndexOf(string signal)
    {
        for (var i = 0; i < AccountSignals.Count; i++)
        {
            if (string.Equals(AccountSignals[i], signal, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The per-account signal's definition, or null when it is none.</summary>
    internal static SignalDefinition? Definition(string signal) => IndexOf(signal) is var i and >= 0 ? HarvestSignals.Definitions[i] : null;

    public static SignalDirection Direction(string signal) => signal switch
    {
        SignalNames.Coordination => SignalDirection.Risk,
        _ => Definition(signal)?.Direction ?? throw new ArgumentOutOfRangeException(nameof(signal), signal, "unknown signal"),
    };

    /// <summary>True when the weight has the sign its signal requires (and is a number).</summary>
    public static bool HasAllowedSign(string signal, double weight) =>
        !double.IsNaN(weight) && (Direction(signal) == SignalDirection.Risk ? weight >= 0 : weight <= 0);

    public static double Get(ScoringParameters parameters, string signal)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return HarvestScorer.Weight(parameters, signal);
    }

    /// <summary>The parameters with one per-account signal's weight replaced.</summary>
    public static ScoringParameters With(ScoringParameters parameters, string signal, double weight)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Definition(signal)?.WithWeight(parameters, weight)
            ?? throw new ArgumentOutOfRangeException(nameof(signal), signal, "not a per-account signal");
    }

    /// <summary>The parameters with the account-level model (bias and every per-account weight) replaced; campaign and linking parameters kept.</summary>
    public static ScoringParameters WithAccountModel(ScoringParameters parameters, double bias, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != AccountSignals.Count)
        {
            throw new ArgumentException($"expected {AccountSignals.Count} weights, got {weights.Count}", nameof(weights));
        }

        var result = parameters with { Bias = bias };
        for (var i = 0; i < weights.Count; i++)
        {
            result = With(result, AccountSignals[i], weights[i]);
        }

        return result;
    }
}
