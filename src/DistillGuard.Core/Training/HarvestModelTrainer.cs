using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Training;

/// <summary>The fitted parameters and how the fit went.</summary>
public sealed record TrainedHarvestModel(ScoringParameters Parameters, TrainingSummary Summary);

/// <summary>
/// Fits the account-level harvest model — the bias and one weight per per-account signal of
/// <see cref="HarvestSignals"/> — by sign-constrained, L2-regularised logistic regression on
/// labelled accounts. Signals are used as the scorer sees them, in [0,1] and unstandardised, so the
/// weights stay in log-odds per unit of signal. Risk weights are held ≥ 0 and mitigation weights
/// ≤ 0, so a trained model keeps the scorer's monotonicity. The fitted bias carries the training
/// set's (class-weighted) share of harvesters; the stored one is moved to
/// <see cref="TrainingOptions.Prevalence"/>, because the linking, campaign and verdict thresholds
/// downstream read the probability as an absolute. Campaign and linking parameters (coordination,
/// campaign size, thresholds, twins) are not learned from account labels and are kept from the
/// baseline. Pure.
/// </summary>
public static class HarvestModelTrainer
{
    public static TrainedHarvestModel Train(TrainingSet set, TrainingOptions options, ScoringParameters baseline)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(baseline);
        options.Validate();
        if (set.Positives == 0 || set.Negatives == 0)
        {
            throw new ArgumentException("a training set needs both classes", nameof(set));
        }

        var (positiveWeight, negativeWeight) = ClassWeights(set, options.ClassWeighting);
        var rows = set.Accounts.Select(a => SignalVector(a.Features, baseline.Curves)).ToArray();
        var labels = set.Accounts.Select(a => a.IsHarvester).ToArray();
        var problem = new LogisticProblem(
            rows, labels, [.. labels.Select(y => y ? positiveWeight : negativeWeight)],
            [.. SignalWeights.AccountSignals.Select(BoundOf)], options.L2);
        var fit = ConstrainedLogisticRegression.Fit(problem, options.MaxIterations);
        var fitted = SignalWeights.WithAccountModel(baseline, fit.Bias, fit.Weights);
        fitted.Validate();
        var summary = new TrainingSummary(
            set.Accounts.Count, set.Positives, set.Negatives, options.ClassWeighting, positiveWeight, negativeWeight, options.L2,
            fit.Iterations, fit.Converged, fit.Bias, options.Prevalence, Measure(set, fitted));
        var stored = fitted with { Bias = fit.Bias - PriorShift(set, positiveWeight, negativeWeight, options.Prevalence) };
        return new TrainedHarvestModel(stored, summary);
    }

    /// <summary>The signal values the scorer adds up, in <see cref="SignalWeights.AccountSignals"/> order.</summary>
    public static double[] SignalVector(AccountFeatures features, SignalCurves curves)
    {
        var vector = new double[SignalWeights.AccountSignals.Count];
        foreach (var (name, value, _) in HarvestSignals.Of(features, curves))
        {
            vector[SignalWeights.IndexOf(name)] = value;
        }

        return vector;
    }

    /// <summary>
    /// Log-loss, precision and recall of <paramref name="parameters"/> on the set, scored by the
    /// very <see cref="HarvestScorer"/> analyze uses.
    /// </summary>
    public static TrainingMetrics Measure(TrainingSet set, ScoringParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(parameters);
        double loss = 0;
        int tp = 0, fp = 0, fn = 0;
        foreach (var account in set.Accounts)
        {
            var logOdds = HarvestScorer.Score(account.Features, parameters).LogOdds;
            loss += ConstrainedLogisticRegression.Softplus(account.IsHarvester ? -logOdds : logOdds);
            var predicted = HarvestScorer.Sigmoid(logOdds) >= parameters.DistillationThreshold;
            tp += predicted && account.IsHarvester ? 1 : 0;
            fp += predicted && !account.IsHarvester ? 1 : 0;
            fn += !predicted && account.IsHarvester ? 1 : 0;
        }

        return new TrainingMetrics(
            loss / set.Accounts.Count, parameters.DistillationThreshold,
            tp + fp == 0 ? 1.0 : tp / (double)(tp + fp), tp + fn == 0 ? 1.0 : tp / (double)(tp + fn));
    }

    private static (double Positive, double Negative) ClassWeights(TrainingSet set, ClassWeighting weighting) => weighting switch
    {
        ClassWeighting.Balanced => (set.Accounts.Count / (2.0 * set.Positives), set.Accounts.Count / (2.0 * set.Negatives)),
        _ => (1, 1),
    };

    /// <summary>
    /// King and Zeng's prior correction: the logistic intercept carries the log-odds of the classes
    /// in the (weighted) training set; subtracting it and adding the target prevalence's gives the
    /// probabilities that prevalence implies, leaving the weights untouched.
    /// </summary>
    private static double PriorShift(TrainingSet set, double positiveWeight, double negativeWeight, double? prevalence)
    {
        if (prevalence is not { } target)
        {
            return 0;
        }

        var trainingShare = set.Positives * positiveWeight / ((set.Positives * positiveWeight) + (set.Negatives * negativeWeight));
        return Math.Log(trainingShare / (1 - trainingShare)) - Math.Log(target / (1 - target));
    }

    private static Bound BoundOf(string signal) =>
        SignalWeights.Direction(signal) == SignalDirection.Risk ? Bound.NonNegative : Bound.NonPositive;
}
