using DistillGuard.Core.Model;

namespace DistillGuard.Core.Scoring;

/// <summary>An account's harvest-likeness before any campaign evidence, with its reasons.</summary>
public sealed record HarvestAssessment(AccountId AccountId, double LogOdds, double Probability, IReadOnlyList<Reason> Reasons);

/// <summary>
/// The pure account scorer: a logistic model over monotone signals. Returns every signal's
/// contribution so a verdict can always say why.
/// </summary>
public static class HarvestScorer
{
    public static HarvestAssessment Score(AccountFeatures features, ScoringParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(parameters);
        var logOdds = parameters.Bias;
        var reasons = new List<Reason>();
        foreach (var signal in HarvestSignals.Definitions)
        {
            var (value, evidence) = signal.Read(features, parameters.Curves);
            var contribution = signal.Weight(parameters) * value;
            logOdds += contribution;
            if (contribution != 0)
            {
                reasons.Add(new Reason(signal.Id, value, contribution, evidence));
            }
        }

        reasons.Sort(static (a, b) => Math.Abs(b.Contribution).CompareTo(Math.Abs(a.Contribution)));
        if (Missing(features.Gaps) is { } missing)
        {
            reasons.Add(new Reason(SignalNames.MissingEvidence, 0, 0, missing));
        }

        return new HarvestAssessment(features.AccountId, logOdds, Sigmoid(logOdds), reasons);
    }

    /// <summary>Says which evidence the log lacked for the account, and what detection could not read for want of it.</summary>
    internal static string? Missing(LogGaps gaps)
    {
        var parts = new List<string>(2);
        if (gaps.HasFlag(LogGaps.Identity))
        {
            parts.Add("no payment, client address, e-mail domain or organisation (it can be linked on its frames and timing only)");
        }

        if (gaps.HasFlag(LogGaps.CreationTime))
        {
            parts.Add("no account creation time (no account age, sign-up wave or burst)");
        }

        return parts.Count == 0 ? null : "evidence missing from the log: " + string.Join(", and ", parts);
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    internal static double Weight(ScoringParameters p, string signal) => signal switch
    {
        SignalNames.Coordination => p.Coordination,
        _ => SignalWeights.Definition(signal)?.Weight(p) ?? throw new ArgumentOutOfRangeException(nameof(signal), signal, "unknown signal"),
    };
}
