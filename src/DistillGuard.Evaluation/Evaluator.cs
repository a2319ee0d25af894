using DistillGuard.Core.Model;

namespace DistillGuard.Evaluation;

/// <summary>
/// Scores predictions against labels. Flagged = verdict distillation; labelled accounts without a
/// prediction count as not flagged; predictions for unlabelled accounts are ignored (and counted).
/// Conventions: precision is 1 when nothing is flagged, recall is 1 when there are no positives,
/// a rate over an empty population is 0 (FPR) or 1 (recall), and F1 is 0 when precision + recall is 0.
/// </summary>
public static class Evaluator
{
    /// <summary>A true campaign is found when at least this share of its accounts is flagged.</summary>
    public const double CampaignFoundShare = 0.5;

    private const string UnknownKind = "unknown";

    public static EvaluationResult Evaluate(IReadOnlyList<PredictedAccount> predicted, IReadOnlyList<AccountLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(labels);
        var byId = new Dictionary<AccountId, PredictedAccount>();
        foreach (var p in predicted)
        {
            byId[p.AccountId] = p;
        }

        var labelled = labels.Select(l => (Label: l, Prediction: byId.GetValueOrDefault(l.AccountId))).ToList();
        var labelIds = labels.Select(l => l.AccountId).ToHashSet();
        var unlabelled = byId.Keys.Count(id => !labelIds.Contains(id));

        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (label, prediction) in labelled)
        {
            var flagged = IsFlagged(prediction);
            (tp, fp, fn, tn) = (label.IsCampaign, flagged) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (false, true) => (tp, fp + 1, fn, tn),
                (true, false) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
        }

        var precision = tp + fp == 0 ? 1.0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 1.0 : (double)tp / (tp + fn);
        var campaigns = CampaignMatches(labelled);
        var (pairPrecision, pairRecall) = PairScores(labelled);

        return new EvaluationResult(
            tp, fp, fn, tn, precision, recall, F1(precision, recall),
            fp + tn == 0 ? 0.0 : (double)fp / (fp + tn),
            KindRates(labelled.Where(x => !x.Label.IsCampaign), emptyRate: 0.0),
            KindRates(labelled.Where(x => x.Label.IsCampaign), emptyRate: 1.0),
            campaigns.Count, campaigns.Count(c => c.Found), campaigns,
            pairPrecision, pairRecall, F1(pairPrecision, pairRecall))
        {
            UnlabelledPredictions = unlabelled,
        };
    }

    private static bool IsFlagged(PredictedAccount? p) => p?.Verdict == Verdict.Distillation;

    private static double F1(double p, double r) => p + r == 0 ? 0.0 : 2 * p * r / (p + r);

    // Organic kinds report false positives over accounts; campaign kinds report recall: both are the flagged share.
    private static List<KindRate> KindRates(IEnumerable<(AccountLabel Label, PredictedAccount? Prediction)> rows, double emptyRate) =>
        rows.GroupBy(x => x.Label.Kind ?? UnknownKind, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var n = g.Count();
                var flagged = g.Count(x => IsFlagged(x.Prediction));
                return new KindRate(g.Key, n, flagged, n == 0 ? emptyRate : (double)flagged / n);
            })
            .ToList();

    private static List<CampaignMatch> CampaignMatches(List<(AccountLabel Label, PredictedAccount? Prediction)> labelled)
    {
        var exchangesByPredicted = labelled.Where(x => IsFlagged(x.Prediction) && x.Prediction!.CampaignId is not null)
            .GroupBy(x => x.Prediction!.CampaignId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Prediction!.Exchanges), StringComparer.Ordinal);
        return labelled.Where(x => x.Label.IsCampaign)
            .GroupBy(x => x.Label.CampaignId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var n = g.Count();
                var flagged = g.Where(x => IsFlagged(x.Prediction)).ToList();
                var clusters = flagged.Select(x => x.Prediction!.CampaignId).Where(c => c is not null).Distinct(StringComparer.Ordinal).ToList();
                var exchanges = g.Sum(x => x.Prediction?.Exchanges ?? 0);
                return new CampaignMatch(g.Key, n, flagged.Count, clusters.Count, exchanges, flagged.Count >= CampaignFoundShare * n)
                {
                    PredictedExchanges = clusters.Sum(c => exchangesByPredicted.GetValueOrDefault(c!)),
                };
            })
            .ToList();
    }

    /// <summary>
    /// Pairwise linking over truly-campaign accounts in O(n) from contingency counts:
    /// true pairs = Σ C(|true campaign|, 2); predicted pairs = Σ C(|flagged with predicted id p|, 2);
    /// true-positive pairs = Σ C(|true c ∩ predicted p|, 2). Conventions as for precision/recall.
    /// </summary>
    private static (double Precision, double Recall) PairScores(List<(AccountLabel Label, PredictedAccount? Prediction)> labelled)
    {
        var campaignAccounts = labelled.Where(x => x.Label.IsCampaign).ToList();
        var truePairs = campaignAccounts.GroupBy(x => x.Label.CampaignId!, StringComparer.Ordinal).Sum(g => Pairs(g.Count()));
        var linked = campaignAccounts.Where(x => IsFlagged(x.Prediction) && x.Prediction!.CampaignId is not null).ToList();
        var predictedPairs = linked.GroupBy(x => x.Prediction!.CampaignId!, StringComparer.Ordinal).Sum(g => Pairs(g.Count()));
        var tpPairs = linked.GroupBy(x => (x.Label.CampaignId!, x.Prediction!.CampaignId!)).Sum(g => Pairs(g.Count()));
        return (predictedPairs == 0 ? 1.0 : (double)tpPairs / predictedPairs, truePairs == 0 ? 1.0 : (double)tpPairs / truePairs);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;
}
