using DistillGuard.Core.Model;

namespace DistillGuard.Evaluation;

/// <summary>One row of a run's <c>accounts.csv</c>, as far as scoring needs it.</summary>
public sealed record PredictedAccount(AccountId AccountId, double RiskScore, Verdict Verdict, string? CampaignId, long Exchanges);

/// <summary>A rate for one population kind: organic FPR, or campaign recall.</summary>
/// <param name="Flagged">Accounts of the kind judged <c>distillation</c>: false positives for an organic kind, hits for a campaign kind.</param>
/// <param name="Rate">Flagged over accounts.</param>
public sealed record KindRate(string Kind, int Accounts, int Flagged, double Rate);

/// <summary>How one true campaign was detected: how many of its accounts were flagged and into how many predicted campaigns they fell.</summary>
public sealed record CampaignMatch(string TrueCampaignId, int Accounts, int Flagged, int PredictedClusters, long Exchanges, bool Found)
{
    /// <summary>Exchanges of every account (of any label) in the predicted campaigns its flagged members fell into: what the report would quantify as this campaign.</summary>
    public long PredictedExchanges { get; init; }

    /// <summary>|predicted − true| / true exchanges; 1 when nothing was predicted.</summary>
    public double ExchangeError => Exchanges == 0 ? 0 : Math.Abs(PredictedExchanges - Exchanges) / (double)Exchanges;
}

/// <summary>Account-level, per-kind, campaign-level and pairwise-linking quality of one run against ground truth.</summary>
public sealed record EvaluationResult(
    int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives,
    double Precision, double Recall, double F1,
    double OrganicFpr, IReadOnlyList<KindRate> OrganicFprByKind, IReadOnlyList<KindRate> RecallByKind,
    int TrueCampaigns, int CampaignsFound, IReadOnlyList<CampaignMatch> Campaigns,
    double PairPrecision, double PairRecall, double PairF1)
{
    /// <summary>Predictions for accounts absent from the labels (ignored in every metric).</summary>
    public int UnlabelledPredictions { get; init; }
}

/// <summary>A labels or accounts file that cannot be used; names the file and line.</summary>
public sealed class EvaluationInputException : Exception
{
    public EvaluationInputException() { }

    public EvaluationInputException(string message) : base(message) { }

    public EvaluationInputException(string message, Exception innerException) : base(message, innerException) { }

    public EvaluationInputException(string file, long line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
    }

    public string? File { get; }

    public long Line { get; }
}
