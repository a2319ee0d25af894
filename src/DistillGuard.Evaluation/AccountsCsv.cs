using System.Globalization;
using DistillGuard.Core.Model;

namespace DistillGuard.Evaluation;

/// <summary>Reads a run's <c>accounts.csv</c>: <c>account_id,risk_score,verdict,campaign_id,exchanges,reasons</c>.</summary>
public static class AccountsCsv
{
    public static IReadOnlyList<PredictedAccount> Read(string path)
    {
        using var csv = CsvFile.Open(path);
        var id = CsvFile.Column(csv, path, "account_id");
        var score = CsvFile.Column(csv, path, "risk_score");
        var verdict = CsvFile.Column(csv, path, "verdict");
        var campaign = CsvFile.Column(csv, path, "campaign_id");
        var exchanges = CsvFile.Column(csv, path, "exchanges");
        var result = new List<PredictedAccount>();
        while (CsvFile.Next(csv, path))
        {
            var line = csv.LineNumber;
            CsvFile.CheckShape(csv, path);
            var account = CsvFile.Id(csv.GetString(id));
            if (string.IsNullOrEmpty(account))
            {
                throw new EvaluationInputException(path, line, "empty account_id");
            }

            if (!double.TryParse(csv.GetString(score), NumberStyles.Float, CultureInfo.InvariantCulture, out var risk))
            {
                throw new EvaluationInputException(path, line, "risk_score is not a number");
            }

            if (!VerdictText.TryParse(csv.GetString(verdict) ?? "", out var v))
            {
                throw new EvaluationInputException(path, line, "verdict must be benign, suspicious or distillation");
            }

            var n = csv.GetString(exchanges);
            long count = 0;
            if (!string.IsNullOrWhiteSpace(n) && !long.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out count))
            {
                throw new EvaluationInputException(path, line, "exchanges is not an integer");
            }

            var c = CsvFile.Id(csv.GetString(campaign));
            result.Add(new PredictedAccount(new AccountId(account), risk, v, string.IsNullOrWhiteSpace(c) ? null : c.Trim(), count));
        }

        return result;
    }
}
