using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

public class IntelShareTests
{
    /// <summary>The phrases of two sharing groups' keys (fixed, so runs are reproducible and shared).</summary>
    private const string GroupA = "sharing group A";

    private const string GroupB = "sharing group B";

    [Fact]
    public async Task ACampaignExportedWithTheGroupKeyMatchesItsOwnAccountsAndNoOrganicOne()
    {
        using var dir = new TempDir();
        var key = await Scenarios.Key(GroupA);
        var run = await Scenarios.Analyse(await Scenarios.Tiny(201), "--sharing-key-file", key);
        var db = run.Db;
        var bundle = dir["bundle.json"];
        Assert.Equal(0, await Cli.Run("intel", "export", "--db", db, "--all", "--tlp", "amber", "--key-file", key, "--out", bundle));

        var text = await File.ReadAllTextAsync(bundle);
        var raw = await File.ReadAllTextAsync(run.Accounts);
        foreach (var account in raw.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).Take(50))
        {
            Assert.DoesNotContain(account, text, StringComparison.Ordinal);
        }

        Assert.Equal(0, await Cli.Run("intel", "match", "--db", db, "--bundle", bundle, "--key-file", key, "--out", dir["match"]));
        var lines = await File.ReadAllLinesAsync(Path.Combine(dir["match"], "matches.csv"));
        Assert.Equal("account_id,peer_campaign_id,score,indicators", lines[0]);
        var matched = lines.Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var labels = LabelsCsv.Read(run.Data.Labels).ToDictionary(l => l.AccountId.Value);
        Assert.All(matched, a => Assert.True(labels[a].IsCampaign, $"organic account {a} matched"));
        var flagged = AccountsCsv.Read(run.Accounts).Count(a => a.Verdict == DistillGuard.Core.Model.Verdict.Distillation);
        Assert.True(matched.Count >= 0.8 * flagged, $"{matched.Count} matched of {flagged} flagged");
        Assert.True(File.Exists(Path.Combine(dir["match"], "sightings.json")));
    }

    /// <summary>
    /// Two providers with one operator in common (<c>simulate --operator-seed</c>): its hydra campaign
    /// keeps its wrappers' intent at both, but each provider sees its own phrasing, its own accounts,
    /// addresses and payment instruments. A exports that campaign; B matches it against its own run.
    /// </summary>
    [Theory]
    [InlineData(301, 302, 77, false)]
    [InlineData(307, 308, 80, false)]
    [InlineData(323, 324, 84, true)]
    public async Task ASharedOperatorsCampaignIsFoundAtTheOtherProviderAndNoOrganicUserIs(int seedA, int seedB, int operatorSeed, bool corpora)
    {
        string[] prompts = corpora
            ? ["--organic-prompts", Path.Combine(SharedData.Root, "organic"), "--extraction-prompts", Path.Combine(SharedData.Root, "extraction")]
            : [];
        using var dir = new TempDir();
        var key = await Scenarios.Key(GroupA);
        var other = await Scenarios.Key(GroupB);
        var a = await Scenarios.Analyse(await Scenarios.Simulate("tiny", seedA, ["--operator-seed", $"{operatorSeed}", .. prompts]), "--sharing-key-file", key);
        var b = await Scenarios.Simulate("tiny", seedB, ["--operator-seed", $"{operatorSeed}", .. prompts]);
        var atB = await Scenarios.Analyse(b, "--sharing-key-file", key);

        // A's campaign of the shared operator (the scenario's first campaign), as A itself linked it.
        var labelsA = LabelsCsv.Read(a.Data.Labels).ToDictionary(l => l.AccountId.Value);
        var campaign = AccountsCsv.Read(a.Accounts)
            .Where(a => a.CampaignId is { Length: > 0 } && labelsA[a.AccountId.Value].CampaignId == "camp-1")
            .GroupBy(a => a.CampaignId!).MaxBy(g => g.Count())!.Key;
        var bundle = dir["bundle.json"];
        Assert.Equal(0, await Cli.Run("intel", "export", "--db", a.Db, "--campaign", campaign, "--tlp", "amber", "--key-file", key, "--out", bundle));
        Assert.Contains("\"fingerprint_kind\": \"template\"", await File.ReadAllTextAsync(bundle), StringComparison.Ordinal);

        Assert.Equal(0, await Cli.Run("intel", "match", "--db", atB.Db, "--bundle", bundle, "--key-file", key, "--out", dir["match"]));
        var labelsB = LabelsCsv.Read(b.Labels).ToDictionary(l => l.AccountId.Value);
        var matched = (await File.ReadAllLinesAsync(Path.Combine(dir["match"], "matches.csv"))).Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var truth = labelsB.Values.Where(l => l.CampaignId == "camp-1").Select(l => l.AccountId.Value).ToHashSet(StringComparer.Ordinal);
        var hits = matched.Count(truth.Contains);
        Assert.DoesNotContain(matched, a => !labelsB[a].IsCampaign);
        Assert.True(matched.Count > 0 && hits >= 0.95 * matched.Count, $"precision: {hits} of {matched.Count} matched accounts are the shared operator's");
        Assert.True(hits >= 0.8 * truth.Count, $"recall: {hits} of the operator's {truth.Count} accounts at B matched");

        // B analysed with another group's key: A's bundle matches nothing there.
        var atBWithAnotherKey = await Scenarios.Analyse(b, "--sharing-key-file", other);
        Assert.Equal(0, await Cli.Run("intel", "match", "--db", atBWithAnotherKey.Db, "--bundle", bundle, "--key-file", other, "--out", dir["match2"]));
        Assert.Single(await File.ReadAllLinesAsync(Path.Combine(dir["match2"], "matches.csv")));
    }

    /// <summary>
    /// The leak test of the sharing issue, on the real command line: every raw IP, e-mail domain, payment
    /// fingerprint, account id, user agent and prompt of the simulated input is searched for in the
    /// exported bundle, and none may occur.
    /// </summary>
    [Fact]
    public async Task NoRawIdentifierOrPromptOfTheInputOccursInTheExportedBundle()
    {
        using var dir = new TempDir();
        var key = await Scenarios.Key(GroupA);
        var run = await Scenarios.Analyse(await Scenarios.Tiny(201), "--sharing-key-file", key);
        Assert.Equal(0, await Cli.Run("intel", "export", "--db", run.Db, "--all", "--tlp", "green", "--key-file", key, "--out", dir["bundle.json"]));
        var bundle = await File.ReadAllTextAsync(dir["bundle.json"]);
        var unescaped = System.Text.RegularExpressions.Regex.Unescape(bundle);

        var secrets = new HashSet<string>(StringComparer.Ordinal);
        var prompts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in await run.Data.LinesAsync())
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            foreach (var field in new[] { "client_ip", "email_domain", "payment_fingerprint", "account_id", "user_agent" })
            {
                if (json.RootElement.TryGetProperty(field, out var value) && value.GetString() is { Length: > 0 } text)
                {
                    secrets.Add(text);
                }
            }

            // Prompts of a few words ("hi") occur in any English text; five words or more are the user's own.
            if (json.RootElement.GetProperty("prompt").GetString() is { } prompt && prompt.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 5)
            {
                prompts.Add(prompt);
            }
        }

        Assert.True(secrets.Count > 100 && prompts.Count > 1000, $"{secrets.Count} identifiers and {prompts.Count} prompts read");
        Assert.Contains("\"fingerprint_kind\": \"template\"", bundle, StringComparison.Ordinal);
        foreach (var secret in secrets.Concat(prompts))
        {
            Assert.DoesNotContain(secret, unescaped, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AnotherKeyOrABrokenBundleIsRefusedAndWritesNothing()
    {
        using var dir = new TempDir();
        var key = await Scenarios.Key(GroupA);
        var other = await Scenarios.Key(GroupB);
        var db = (await Scenarios.Analyse(await Scenarios.Tiny(201), "--sharing-key-file", key)).Db;
        Assert.Equal(1, await Cli.Run("intel", "export", "--db", db, "--all", "--tlp", "amber", "--key-file", other, "--out", dir["bundle.json"]));
        Assert.False(File.Exists(dir["bundle.json"]));

        await File.WriteAllTextAsync(dir["broken.json"], "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[{\"type\":\"campaign\",\"spec_version\":\"2.0\"}]}");
        Assert.Equal(1, await Cli.Run("intel", "match", "--db", db, "--bundle", dir["broken.json"], "--key-file", key, "--out", dir["match"]));
        Assert.False(File.Exists(Path.Combine(dir["match"], "matches.csv")));
        Assert.Equal(1, await Cli.Run("intel", "export", "--db", db, "--all", "--tlp", "purple", "--key-file", key, "--out", dir["bundle.json"]));
    }
}
