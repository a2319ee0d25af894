using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// The red-team log of provider A (traffic an independent generator wrote, `../shared/data/redteam`), analysed once under
/// the sharing group's key and evaluated once for the tests that read it. Nothing in the detector was set from its
/// individual accounts.
/// </summary>
public sealed class RedTeamProviderAFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The sharing group's key phrase (fixed, so the run is reproducible).</summary>
    internal const string Group = "red-team sharing group";

    private readonly TempDir _dir = new();

    internal AnalysedScenario Run { get; private set; } = null!;

    public EvaluationResult Result { get; private set; } = null!;

    public string Accounts => Run.Accounts;

    /// <summary>The DuckDB store of the run, fingerprinted with <see cref="Key"/>.</summary>
    public string Db => Run.Db;

    /// <summary>The sharing group's key file.</summary>
    public string Key { get; private set; } = null!;

    /// <summary>A scratch folder of this fixture's tests, for what they write themselves (bundles, matches).</summary>
    public string this[string name] => _dir[name];

    public static string Log(string provider) => Scenarios.RedTeam(provider).Folder;

    public async Task InitializeAsync()
    {
        Key = await Scenarios.Key(Group);
        Run = await Scenarios.Analyse(Scenarios.RedTeam("provider-a"), "--sharing-key-file", Key);
        Result = Run.Evaluate();
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>The detection issue's floors on traffic the project did not write.</summary>
public sealed class RedTeamTests(RedTeamProviderAFixture run) : IClassFixture<RedTeamProviderAFixture>
{
    [Fact]
    public void ProviderAMeetsThePrecisionRecallAndFalsePositiveFloors()
    {
        var r = run.Result;
        Assert.True(r.Precision >= 0.99, $"precision {r.Precision:0.000}");
        Assert.True(r.Recall >= 0.95, $"recall {r.Recall:0.000}");
        Assert.True(r.OrganicFpr <= 0.001, $"organic FPR {r.OrganicFpr:0.0000}");
    }

    [Fact]
    public void NoCoderPipelineOrResearcherIsFlagged()
    {
        var kinds = run.Result.OrganicFprByKind.ToDictionary(k => k.Kind);
        Assert.All((string[])["coder", "pipeline", "researcher"], kind => Assert.Equal(0, kinds[kind].Flagged));
    }

    [Fact]
    public void EveryCampaignIsFoundAndEveryStyleIsMostlyFlagged()
    {
        var r = run.Result;
        Assert.Equal(4, r.TrueCampaigns);
        Assert.Equal(r.TrueCampaigns, r.CampaignsFound);
        // The two styles the build before this one missed whole: throw-away swarms and agents that harvest.
        Assert.All(r.RecallByKind, k => Assert.True(k.Rate >= 0.85, $"{k.Kind} recall {k.Rate:0.000}"));
    }

    [Fact]
    public void PairwiseLinkingMeetsItsFloors()
    {
        Assert.True(run.Result.PairPrecision >= 0.95, $"pair precision {run.Result.PairPrecision:0.000}");
        Assert.True(run.Result.PairRecall >= 0.90, $"pair recall {run.Result.PairRecall:0.000}");
    }

    [Fact]
    public async Task AFlaggedSwarmAccountSaysItWasGroupedOnItsFramesAndSignupWaveWithoutSharedIdentity()
    {
        var labels = LabelsCsv.Read(Path.Combine(RedTeamProviderAFixture.Log("provider-a"), "labels.csv"))
            .Where(l => l.Kind == "swarm").Select(l => l.AccountId.Value).ToHashSet(StringComparer.Ordinal);
        var rows = (await File.ReadAllLinesAsync(run.Accounts)).Skip(1).Where(l => labels.Contains(l.Split(',')[0]) && l.Contains(",distillation,", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains("sign-up wave", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CampaignsExportedAtProviderAFindTheSameOperatorsAccountsAtProviderBAndNoOrganicOne()
    {
        // The operators keep their curricula and frames at B, not their accounts, cards or addresses.
        var b = await Scenarios.Analyse(Scenarios.RedTeam("provider-b"), "--sharing-key-file", run.Key);
        Assert.Equal(0, await Cli.Run("intel", "export", "--db", run.Db, "--all", "--tlp", "amber", "--key-file", run.Key, "--out", run["bundle.json"]));
        Assert.Equal(0, await Cli.Run("intel", "match", "--db", b.Db, "--bundle", run["bundle.json"], "--key-file", run.Key, "--out", run["match"]));

        var labels = LabelsCsv.Read(b.Data.Labels).ToDictionary(l => l.AccountId.Value);
        var matched = (await File.ReadAllLinesAsync(run["match/matches.csv"])).Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var campaign = labels.Values.Count(l => l.IsCampaign);
        var hits = matched.Count(a => labels[a].IsCampaign);

        Assert.All(matched, a => Assert.True(labels[a].IsCampaign, $"organic {labels[a].Kind} account {a} matched"));
        Assert.True(hits >= 0.95 * matched.Count, $"precision {hits} of {matched.Count}");
        Assert.True(hits >= 0.80 * campaign, $"recall {hits} of {campaign}");
    }
}
