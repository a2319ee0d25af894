using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// Simulate, analyse and evaluate through the real CLI, and hold the detector to measured floors.
/// Seeds here were not used to set any parameter (those were fitted on other seeds; see
/// docs/evaluation.md).
/// </summary>
public class QualityFloorTests
{
    /// <summary>Evaluates a shared analysis through the real `evaluate` command, then reads its result.</summary>
    private static async Task<EvaluationResult> Evaluate(AnalysedScenario run)
    {
        Assert.Equal(0, await Cli.Run("evaluate", "--accounts", run.Accounts, "--labels", run.Data.Labels));
        return run.Evaluate();
    }

    private static async Task<EvaluationResult> Evaluate(Task<ScenarioData> data) => await Evaluate(await Scenarios.Analyse(await data));

    private static void AssertFloors(EvaluationResult result)
    {
        // The detection issue's floors: precision 0.99, recall 0.95, organic FPR 1 % per kind and 0.1 % overall.
        Assert.True(result.Precision >= 0.99, $"precision {result.Precision:0.000}");
        Assert.True(result.Recall >= 0.95, $"recall {result.Recall:0.000}");
        Assert.True(result.OrganicFpr <= 0.001, $"organic FPR {result.OrganicFpr:0.0000}");
        Assert.NotEmpty(result.OrganicFprByKind);
        Assert.All(result.OrganicFprByKind, k => Assert.True(k.Rate <= 0.01, $"{k.Kind} FPR {k.Rate:0.000}"));
        Assert.Equal(result.TrueCampaigns, result.CampaignsFound);
    }

    /// <summary>The linking issue's pairwise floors: precision 0.95 and recall 0.90.</summary>
    private static void AssertPairwiseFloors(EvaluationResult result)
    {
        Assert.True(result.PairPrecision >= 0.95, $"pair precision {result.PairPrecision:0.000}");
        Assert.True(result.PairRecall >= 0.90, $"pair recall {result.PairRecall:0.000}");
    }

    /// <summary>The linking issue's count target: every campaign's exchanges within 5 % of the truth.</summary>
    private static void AssertExchangesWithinFivePercent(EvaluationResult result) =>
        Assert.All(result.Campaigns, c => Assert.True(c.ExchangeError <= 0.05, $"{c.TrueCampaignId} exchanges {c.ExchangeError:P1} off"));

    [Fact]
    public async Task TheTinyScenarioMeetsThePrecisionRecallAndFalsePositiveFloors()
    {
        AssertFloors(await Evaluate(Scenarios.Tiny(201)));
    }

    [Fact]
    public async Task OperatorsWithNoSharedInfrastructureMeetTheSameFloors()
    {
        // tiny-no-shared-infrastructure: a swarm of throw-away accounts tied only by its frames and sign-up wave, and an
        // agent whose deep sessions each open a new dataset item behind one preamble. Seed 202 was not run before this test.
        var result = await Evaluate(Scenarios.Simulate("tiny-no-shared-infrastructure", 202));
        AssertFloors(result);
        AssertPairwiseFloors(result);
    }

    [Fact]
    public async Task TheAdversaryScenarioMeetsTheSameFloorsAndEveryVerdictOnAResellerSaysItsTrafficIsMixed()
    {
        // tiny-adversaries: paraphrasing and cover-traffic operators, a harvester inside a reseller's account
        // pool, and resellers that carry only their customers (kind "reseller", which must stay unflagged).
        var run = await Scenarios.Analyse(await Scenarios.Simulate("tiny-adversaries", 204));
        AssertFloors(await Evaluate(run));

        var resellers = LabelsCsv.Read(run.Data.Labels)
            .Where(l => l.Kind == "reseller-proxy").Select(l => l.AccountId.Value).ToHashSet(StringComparer.Ordinal);
        var flagged = AccountsCsv.Read(run.Accounts)
            .Where(a => resellers.Contains(a.AccountId.Value) && a.Verdict == DistillGuard.Core.Model.Verdict.Distillation)
            .Select(a => a.AccountId.Value).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(flagged);
        var rows = (await File.ReadAllLinesAsync(run.Accounts)).Where(line => flagged.Contains(line[..line.IndexOf(',', StringComparison.Ordinal)]));
        Assert.All(rows, row => Assert.Contains("mixed traffic", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryHarvestingResellerIsFoundByTheClientThatCarriesItsHarvestAndNoOrdinaryResellerIs()
    {
        // Seed 1 is a tuning seed: it shows client-by-client reading at work, not a floor. Read whole, a pool of
        // harvesting reseller accounts there stayed under the campaign threshold (recall 0.933): the customers'
        // traffic dilutes the harvester's sweeps.
        var run = await Scenarios.Analyse(await Scenarios.Simulate("tiny-adversaries", 1));
        await Evaluate(run);

        var kinds = LabelsCsv.Read(run.Data.Labels).ToDictionary(l => l.AccountId.Value, l => l.Kind, StringComparer.Ordinal);
        var verdicts = AccountsCsv.Read(run.Accounts).ToArray();
        var harvesting = verdicts.Where(v => kinds[v.AccountId.Value] == "reseller-proxy").ToArray();
        Assert.NotEmpty(harvesting);
        Assert.All(harvesting, v => Assert.Equal(DistillGuard.Core.Model.Verdict.Distillation, v.Verdict));
        var lines = await File.ReadAllLinesAsync(run.Accounts);
        Assert.Contains(lines, line => kinds.GetValueOrDefault(line[..line.IndexOf(',', StringComparison.Ordinal)]) == "reseller-proxy"
            && line.Contains("of the account's traffic opens a new", StringComparison.Ordinal));
        Assert.All(verdicts.Where(v => kinds[v.AccountId.Value] == "reseller"), v => Assert.NotEqual(DistillGuard.Core.Model.Verdict.Distillation, v.Verdict));
    }

    [Fact]
    public async Task AccountsPulledInOnACampaignsWordingAreHarvestersAndTheCampaignSaysHowMany()
    {
        // Seed 2 is a tuning seed: this shows the pull-in at work (unlinked slow-style accounts, outside every
        // campaign's behavioural band, that repeat their operator's paraphrased wrapper), not a floor.
        var run = await Scenarios.Analyse(await Scenarios.Simulate("low-and-slow", 2));
        var result = await Evaluate(run);

        // Each operator is one campaign measured within 5 %. The build before read too little of a paraphrased
        // wrapper, let one cover-heavy account of an operator wipe its wording, and took twins before wording:
        // pairwise recall 0.595, one campaign's exchanges 558 % off.
        AssertPairwiseFloors(result);
        AssertExchangesWithinFivePercent(result);

        var labels = LabelsCsv.Read(run.Data.Labels).ToDictionary(l => l.AccountId.Value, StringComparer.Ordinal);
        var pulled = (await File.ReadAllLinesAsync(run.Accounts))
            .Where(line => line.Contains("phrases it keeps repeating", StringComparison.Ordinal))
            .Select(line => line.Split(',', 4))
            .ToArray();
        Assert.NotEmpty(pulled);
        Assert.All(pulled, a => Assert.True(labels[a[0]].IsCampaign, $"{a[0]} is {labels[a[0]].Kind}"));

        // Each is flagged with its campaign, including the operator's cover-heavy accounts, whose own traffic is low-signal:
        // a match on many of the campaign's phrases ties them more firmly than the least evidence does. At the twins'
        // association for every match, one of them (12 of its 12 phrases the campaign's) stayed suspicious at risk 0.789.
        Assert.All(pulled, a => Assert.Equal("distillation", a[2]));
        var campaigns = await File.ReadAllTextAsync(run.Campaigns);
        Assert.Contains("keep repeating its wrapper", campaigns, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOperatorSplitOverCardsIsOneCampaignJoinedOnItsWrapperWording()
    {
        // Seed 1 is a tuning seed: this shows the wording join at work, not a floor. Its slow-style operator pays
        // with two cards and shares nothing else; the build before left it as two campaigns (pairwise recall 0.609).
        // Analysed with the fixed hashing key the input-order and embedding tests of tiny 1 use, so the three share one run.
        var run = await Scenarios.Analyse(await Scenarios.Tiny(1), "--key-file", await Scenarios.HashKey());
        var result = await Evaluate(run);

        Assert.All(result.Campaigns, c => Assert.Equal(1, c.PredictedClusters));
        AssertPairwiseFloors(result);
        var campaigns = await File.ReadAllTextAsync(run.Campaigns);
        Assert.Contains("keep repeating the same rare wrapper wording", campaigns, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowStyleOperatorsThatRunOneScriptAreEachOneCampaignMeasuredWithinFivePercent()
    {
        // Three slow-style operators on aged residential accounts, each over two to four cards, run one script and
        // differ only in their wrappers' wording. Seed 205 was not used to set any parameter.
        var result = await Evaluate(Scenarios.Simulate("low-and-slow", 205));

        // The linking issue's targets: pairwise floors, at most two parts per campaign, exchanges within 5 %.
        AssertPairwiseFloors(result);
        Assert.Equal(result.TrueCampaigns, result.CampaignsFound);
        Assert.All(result.Campaigns, c => Assert.True(c.PredictedClusters <= 2, $"{c.TrueCampaignId} in {c.PredictedClusters} campaigns"));
        AssertExchangesWithinFivePercent(result);
        Assert.True(result.Precision >= 0.99, $"precision {result.Precision:0.000}");
    }

    [Fact]
    public async Task TheTinyScenarioDrivenByTheSharedCorporaMeetsTheSameFloors()
    {
        var shared = SharedData.Root;
        AssertFloors(await Evaluate(Scenarios.Simulate("tiny", 207,
            "--organic-prompts", Path.Combine(shared, "organic"),
            "--extraction-prompts", Path.Combine(shared, "extraction"))));
    }
}

public class ExplainCommandTests
{
    [Fact]
    public async Task ExplainNamesTheSignalsOfAFlaggedAccountAndTheEvidenceOfItsCampaign()
    {
        using var dir = new TempDir();
        var run = await Scenarios.Analyse(await Scenarios.Tiny(201));
        var db = run.Db;
        var (campaignId, accountId) = await run.FirstCampaignAsync();

        var (code, text) = await Cli.RunCaptured(80, "explain", "--db", db, "--account", accountId);
        Assert.Equal(0, code);
        Assert.Contains("distillation", text, StringComparison.Ordinal);
        Assert.Contains("coordination", text, StringComparison.Ordinal);
        Assert.Contains(campaignId, text, StringComparison.Ordinal);

        (code, text) = await Cli.RunCaptured(80, "explain", "--db", db, "--campaign", campaignId);
        Assert.Equal(0, code);
        Assert.Contains("accounts outside the campaign", text, StringComparison.Ordinal);

        Assert.Equal(1, await Cli.Run("explain", "--db", db, "--account", "no-such-account"));
        Assert.Equal(1, await Cli.Run("explain", "--db", dir["missing.duckdb"], "--campaign", campaignId));
    }
}
