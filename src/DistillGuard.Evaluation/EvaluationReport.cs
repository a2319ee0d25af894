using System.Globalization;
using System.Text;

namespace DistillGuard.Evaluation;

/// <summary>Plain-text rendering of an <see cref="EvaluationResult"/> for terminals and logs.</summary>
public static class EvaluationReport
{
    public static string ToText(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        Line(sb, "Accounts", "");
        Line(sb, "  TP / FP / FN / TN", $"{result.TruePositives} / {result.FalsePositives} / {result.FalseNegatives} / {result.TrueNegatives}");
        Line(sb, "  precision", P(result.Precision));
        Line(sb, "  recall", P(result.Recall));
        Line(sb, "  F1", P(result.F1));
        Line(sb, "  organic FPR", P(result.OrganicFpr));
        Line(sb, "  unlabelled predictions (ignored)", result.UnlabelledPredictions.ToString(CultureInfo.InvariantCulture));
        Line(sb, "Organic FPR by kind", "");
        foreach (var k in result.OrganicFprByKind)
        {
            Line(sb, $"  {k.Kind}", $"{P(k.Rate)}  ({k.Flagged} of {k.Accounts})");
        }

        Line(sb, "Recall by kind", "");
        foreach (var k in result.RecallByKind)
        {
            Line(sb, $"  {k.Kind}", $"{P(k.Rate)}  ({k.Flagged} of {k.Accounts})");
        }

        Line(sb, "Campaigns found", $"{result.CampaignsFound} of {result.TrueCampaigns}");
        foreach (var c in result.Campaigns)
        {
            Line(sb, $"  {c.TrueCampaignId}", $"{c.Flagged}/{c.Accounts} flagged in {c.PredictedClusters} predicted campaign(s); exchanges {c.PredictedExchanges:N0} of {c.Exchanges:N0} ({c.ExchangeError:P1} off){(c.Found ? "" : "  NOT FOUND")}");
        }

        Line(sb, "Pairwise linking", $"precision {P(result.PairPrecision)}  recall {P(result.PairRecall)}  F1 {P(result.PairF1)}");
        return sb.ToString();
    }

    private static string P(double x) => x.ToString("0.0000", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, string label, string value) =>
        sb.Append(CultureInfo.InvariantCulture, $"{label,-36}{value}").Append('\n');
}
