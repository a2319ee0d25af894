namespace DistillGuard.Core.Training;

/// <summary>What a model was trained on: counts only, never an account id.</summary>
/// <param name="Accounts">Accounts seen in the input, labelled or not.</param>
/// <param name="UnlabelledAccounts">Accounts in the input without a label (left out of the fit).</param>
public sealed record TrainingInputSummary(long ExchangesRead, long ExchangesAccepted, long ExchangesRejected, long Duplicates, int Accounts, int UnlabelledAccounts);

/// <summary>How well a model separates labelled accounts on its own, with no campaign evidence.</summary>
/// <param name="LogLoss">Mean log-loss, every account counted once, without the penalty.</param>
/// <param name="Threshold">Probability at or above which an account counts as predicted harvesting (the distillation threshold).</param>
/// <param name="Precision">Precision at <paramref name="Threshold"/> (1 when nothing is predicted, as in evaluate).</param>
/// <param name="Recall">Recall at <paramref name="Threshold"/>.</param>
public sealed record TrainingMetrics(double LogLoss, double Threshold, double Precision, double Recall);

/// <summary>How a fit went.</summary>
/// <param name="Accounts">Labelled accounts fitted on (positives + negatives).</param>
/// <param name="PositiveWeight">Loss weight of one campaign account.</param>
/// <param name="NegativeWeight">Loss weight of one organic account.</param>
/// <param name="FittedBias">The bias as fitted, at the training set's (class-weighted) share of positives.</param>
/// <param name="Prevalence">Share of harvesting accounts the stored bias was moved to, or null when it was not moved.</param>
/// <param name="Metrics">The fitted model (with <paramref name="FittedBias"/>) on its own training accounts: how well the fit separates them.</param>
public sealed record TrainingSummary(
    int Accounts, int Positives, int Negatives,
    ClassWeighting ClassWeighting, double PositiveWeight, double NegativeWeight, double L2,
    int Iterations, bool Converged, double FittedBias, double? Prevalence, TrainingMetrics Metrics);
