using CsCheck;
using DistillGuard.Core.Model;
using DistillGuard.Csv;
using DistillGuard.Evaluation;
using DistillGuard.Ingest.Tests.Support;

namespace DistillGuard.Ingest.Tests.Evaluation;

/// <summary>
/// Row 4 of the hardening issue, on the reading side: the one CSV writer neutralises text that a spreadsheet would run as
/// a formula, and evaluate's readers undo exactly that, so quoting never changes an id.
/// </summary>
public class FormulaIdTests
{
    private static readonly Gen<string> Id = Gen.String[Gen.Char["ab'=+-@\t\r\n,\" x"], 1, 10];

    [Fact]
    public void RestoringANeutralisedValueGivesItBackAndANeutralisedValueNeverStartsLikeAFormula()
    {
        Gen.String[Gen.Char["a'=+-@\t\r x"], 0, 8].Sample(value =>
        {
            var written = SpreadsheetText.Neutralise(value);
            Assert.Equal(value, SpreadsheetText.Restore(written));
            Assert.False(written.Length > 0 && SpreadsheetText.FormulaStarts.Contains(written[0], StringComparison.Ordinal));
        });
    }

    [Fact]
    public void NumbersAreWrittenAsTheyAreAndTextIsNeutralised()
    {
        var text = CsvOutput.Format(csv => csv.Text("-1.2").Number(-1.2, "0.####").Number(-3L).Text("=1+1").Text("plain").Row());
        Assert.Equal("\"'-1.2\",-1.2,-3,\"'=1+1\",plain\n", text);
    }

    [Fact]
    public void AccountsAndLabelsWithAnyIdsReadBackAsWritten()
    {
        Gen.Select(Id, Id).Where(p => p.Item1.Trim() != p.Item2.Trim() && p.Item1.Trim().Length > 0 && p.Item2.Trim().Length > 0).Sample((a, b) =>
        {
            using var dir = new TempDir();
            var accounts = Path.Combine(dir.Path, "accounts.csv");
            File.WriteAllText(accounts, CsvOutput.Format(csv =>
            {
                csv.Header("account_id", "risk_score", "verdict", "campaign_id", "exchanges", "reasons");
                csv.Text(a).Number(0.9, "F4").Text("distillation").Text("=C1").Number(12L).Text("-why").Row();
                csv.Text(b).Number(0.1, "F4").Text("benign").Text(null).Number(3L).Text("").Row();
            }));
            var labels = Path.Combine(dir.Path, "labels.csv");
            LabelsCsv.Write(labels, [new AccountLabel(new AccountId(a), true, "+camp", "swarm"), new AccountLabel(new AccountId(b), false, null, "casual")]);

            var predicted = AccountsCsv.Read(accounts);
            var truth = LabelsCsv.Read(labels);
            Assert.Equal([a.Trim(), b.Trim()], predicted.Select(p => p.AccountId.Value));
            Assert.Equal("=C1", predicted[0].CampaignId);
            Assert.Equal([a.Trim(), b.Trim()], truth.Select(l => l.AccountId.Value));
            Assert.Equal("+camp", truth[0].CampaignId);
            var result = Evaluator.Evaluate(predicted, truth);
            Assert.Equal((1, 0, 0, 1), (result.TruePositives, result.FalsePositives, result.FalseNegatives, result.TrueNegatives));
        }, iter: 200);
    }
}
