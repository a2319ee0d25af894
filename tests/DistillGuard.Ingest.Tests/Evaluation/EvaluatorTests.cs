using DistillGuard.Core.Model;
using DistillGuard.Evaluation;
using DistillGuard.Ingest.Tests.Support;

namespace DistillGuard.Ingest.Tests.Evaluation;

public class EvaluatorTests
{
    private static AccountLabel Organic(string id, string? kind = "casual") => new(new AccountId(id), false, null, kind);

    private static AccountLabel Campaign(string id, string campaign, string? kind = "harvester") => new(new AccountId(id), true, campaign, kind);

    private static PredictedAccount Flag(string id, string? campaign = null) => new(new AccountId(id), 0.9, Verdict.Distillation, campaign, 10);

    private static PredictedAccount Pass(string id) => new(new AccountId(id), 0.1, Verdict.Benign, null, 10);

    [Fact]
    public void AccountCountsAndRatesFollowTheConfusionMatrix()
    {
        var labels = new[] { Campaign("c1", "A"), Campaign("c2", "A"), Campaign("c3", "B"), Organic("o1"), Organic("o2", "coder"), Organic("o3", "coder") };
        var predicted = new[] { Flag("c1", "P"), Flag("c2", "P"), Pass("c3"), Flag("o2"), Pass("o1"), Flag("stranger") };
        var r = Evaluator.Evaluate(predicted, labels);
        Assert.Equal((2, 1, 1, 2), (r.TruePositives, r.FalsePositives, r.FalseNegatives, r.TrueNegatives));
        Assert.Equal(2.0 / 3, r.Precision, 9);
        Assert.Equal(2.0 / 3, r.Recall, 9);
        Assert.Equal(2.0 / 3, r.F1, 9);
        Assert.Equal(1.0 / 3, r.OrganicFpr, 9);
        Assert.Equal(1, r.UnlabelledPredictions);
        Assert.Equal([new KindRate("casual", 1, 0, 0), new KindRate("coder", 2, 1, 0.5)], r.OrganicFprByKind);
        Assert.Equal([new KindRate("harvester", 3, 2, 2.0 / 3)], r.RecallByKind);
    }

    [Fact]
    public void AnAccountMissingFromPredictionsCountsAsNotFlagged()
    {
        var r = Evaluator.Evaluate([], [Campaign("c1", "A"), Organic("o1")]);
        Assert.Equal((0, 0, 1, 1), (r.TruePositives, r.FalsePositives, r.FalseNegatives, r.TrueNegatives));
        Assert.Equal(1.0, r.Precision); // convention: nothing flagged → precision 1
        Assert.Equal(0.0, r.Recall);
        Assert.Equal(0.0, r.F1);
    }

    [Fact]
    public void ACampaignIsFoundWhenHalfItsAccountsAreFlagged()
    {
        var labels = new[] { Campaign("a1", "A"), Campaign("a2", "A"), Campaign("b1", "B"), Campaign("b2", "B"), Campaign("b3", "B") };
        var r = Evaluator.Evaluate([Flag("a1", "X"), Flag("b1", "Y")], labels);
        Assert.Equal(2, r.TrueCampaigns);
        Assert.Equal(1, r.CampaignsFound);
        Assert.True(r.Campaigns.Single(c => c.TrueCampaignId == "A").Found);
        Assert.False(r.Campaigns.Single(c => c.TrueCampaignId == "B").Found);
    }

    [Fact]
    public void PairCountsComeFromTheContingencyOfTrueAndPredictedCampaigns()
    {
        // True A = {a1,a2,a3}, B = {b1,b2}: 3 + 1 = 4 true pairs.
        // Predicted P = {a1,a2,b1}, Q = {a3}, b2 unlinked (flagged, no id): predicted pairs = 3.
        // TP pairs: (A,P) has {a1,a2} → 1.
        var labels = new[] { Campaign("a1", "A"), Campaign("a2", "A"), Campaign("a3", "A"), Campaign("b1", "B"), Campaign("b2", "B"), Organic("o1") };
        var predicted = new[] { Flag("a1", "P"), Flag("a2", "P"), Flag("b1", "P"), Flag("a3", "Q"), Flag("b2"), Flag("o1", "P") };
        var r = Evaluator.Evaluate(predicted, labels);
        Assert.Equal(1.0 / 3, r.PairPrecision, 9);
        Assert.Equal(1.0 / 4, r.PairRecall, 9);
        Assert.Equal(2 * (1.0 / 3) * 0.25 / ((1.0 / 3) + 0.25), r.PairF1, 9);
        Assert.Equal(2, r.Campaigns.Single(c => c.TrueCampaignId == "A").PredictedClusters);
    }

    [Fact]
    public void ACampaignsExchangesAreThoseOfThePredictedCampaignsItsMembersFellInto()
    {
        // True A = {a1,a2,a3} (10 exchanges each = 30). Predicted P = {a1,a2,o1}: 30 exchanges; a3 missed.
        var labels = new[] { Campaign("a1", "A"), Campaign("a2", "A"), Campaign("a3", "A"), Organic("o1") };
        var r = Evaluator.Evaluate([Flag("a1", "P"), Flag("a2", "P"), Flag("o1", "P"), Pass("a3")], labels);
        var a = r.Campaigns.Single();
        Assert.Equal((30L, 30L, 0.0), (a.Exchanges, a.PredictedExchanges, a.ExchangeError));

        var missed = Evaluator.Evaluate([Flag("a1", "P"), Pass("a2"), Pass("a3")], labels).Campaigns.Single();
        Assert.Equal(10, missed.PredictedExchanges);
        Assert.Equal(2.0 / 3, missed.ExchangeError, 9);
    }

    [Fact]
    public void PairwiseLinkingIsPerfectWhenPredictedCampaignsMatchTrueOnes()
    {
        var labels = new[] { Campaign("a1", "A"), Campaign("a2", "A"), Campaign("b1", "B"), Campaign("b2", "B") };
        var r = Evaluator.Evaluate([Flag("a1", "x"), Flag("a2", "x"), Flag("b1", "y"), Flag("b2", "y")], labels);
        Assert.Equal((1.0, 1.0, 1.0), (r.PairPrecision, r.PairRecall, r.PairF1));
    }

    [Fact]
    public void TheTextReportNamesTheHeadlineMetrics()
    {
        var r = Evaluator.Evaluate([Flag("c1", "P")], [Campaign("c1", "A"), Organic("o1")]);
        var text = EvaluationReport.ToText(r);
        Assert.Contains("precision", text, StringComparison.Ordinal);
        Assert.Contains("Campaigns found", text, StringComparison.Ordinal);
        Assert.Contains("1.0000", text, StringComparison.Ordinal);
    }
}

public class EvaluationCsvTests
{
    [Fact]
    public void LabelsWithoutAKindColumnReadAsUnknownKind()
    {
        using var dir = new TempDir();
        var path = dir.File("labels.csv", "account_id,label,campaign_id\na,organic,\nb,campaign,C1\n");
        var labels = LabelsCsv.Read(path);
        Assert.Equal([new AccountLabel(new AccountId("a"), false, null, null), new AccountLabel(new AccountId("b"), true, "C1", null)], labels);
        var r = Evaluator.Evaluate([new PredictedAccount(new AccountId("a"), 0.9, Verdict.Distillation, null, 1)], labels);
        Assert.Equal("unknown", Assert.Single(r.OrganicFprByKind).Kind);
    }

    [Fact]
    public void LabelsRoundTripThroughWriteAndRead()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "labels.csv");
        AccountLabel[] labels = [new(new AccountId("a,1"), false, null, "casual"), new(new AccountId("b"), true, "C\"1", "style")];
        LabelsCsv.Write(path, labels);
        Assert.Equal(labels, LabelsCsv.Read(path));
    }

    [Theory]
    [InlineData("account_id,label,campaign_id\na,maybe,\n", 2)]
    [InlineData("account_id,label,campaign_id\na,organic,\nb,campaign,\n", 3)]
    [InlineData("account_id,label,campaign_id\na,organic,,extra\n", 2)]
    public void AMalformedLabelRowNamesTheFileAndLine(string content, long line)
    {
        using var dir = new TempDir();
        var path = dir.File("labels.csv", content);
        var e = Assert.Throws<EvaluationInputException>(() => LabelsCsv.Read(path));
        Assert.Equal(line, e.Line);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALabelsFileWithoutTheRequiredHeaderIsRejected()
    {
        using var dir = new TempDir();
        var path = dir.File("labels.csv", "id,label\na,organic\n");
        Assert.Throws<EvaluationInputException>(() => LabelsCsv.Read(path));
    }

    [Fact]
    public void AccountsCsvIsReadWithQuotedReasons()
    {
        using var dir = new TempDir();
        var path = dir.File("accounts.csv",
            "account_id,risk_score,verdict,campaign_id,exchanges,reasons\n" +
            "a,0.93,distillation,camp-1,120,\"many prompts; \"\"templated\"\", wide\"\n" +
            "b,0.1,benign,,4,\n");
        var accounts = AccountsCsv.Read(path);
        Assert.Equal(new PredictedAccount(new AccountId("a"), 0.93, Verdict.Distillation, "camp-1", 120), accounts[0]);
        Assert.Equal(new PredictedAccount(new AccountId("b"), 0.1, Verdict.Benign, null, 4), accounts[1]);
    }

    [Fact]
    public void AnAccountsRowWithABadVerdictNamesItsLine()
    {
        using var dir = new TempDir();
        var path = dir.File("accounts.csv", "account_id,risk_score,verdict,campaign_id,exchanges,reasons\na,0.5,guilty,,1,\n");
        Assert.Equal(2, Assert.Throws<EvaluationInputException>(() => AccountsCsv.Read(path)).Line);
    }
}
