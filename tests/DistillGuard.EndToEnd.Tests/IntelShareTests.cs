using System.Security.Cryptography;
using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

public class IntelShareTests
{
    [Fact]
    public async Task ACampaignExportedWithTheGroupKeyMatchesItsOwnAccountsAndNoOrganicOne()
    {
        using var dir = new TempDir();
        var key = dir["group.key"];
        await File.WriteAllBytesAsync(key, SHA256.HashData("sharing group A"u8)); // fixed, so the run is reproducible
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "tiny", "--seed", "203", "--out", dir["data"]));
        var db = dir["a.duckdb"];
        Assert.Equal(0, await Cli.Run("analyze", "--input", dir["data"], "--out", dir["out"], "--db", db, "--sharing-key-file", key));
        var bundle = dir["bundle.json"];
        Assert.Equal(0, await Cli.Run("intel", "export", "--db", db, "--all", "--tlp", "amber", "--key-file", key, "--out", bundle));

        var text = await File.ReadAllTextAsync(bundle);
        var raw = await File.ReadAllTextAsync(Path.Combine(dir["out"], "accounts.csv"));
        foreach (var account in raw.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).Take(50))
        {
            Assert.DoesNotContain(account, text, StringComparison.Ordinal);
        }

        Assert.Equal(0, await Cli.Run("intel", "match", "--db", db, "--bundle", bundle, "--key-file", key, "--out", dir["match"]));
        var lines = await File.ReadAllLinesAsync(Path.Combine(dir["match"], "matches.csv"));
        Assert.Equal("account_id,peer_campaign_id,score,indicators", lines[0]);
        var matched = lines.Skip(1).Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var labels = LabelsCsv.Read(Path.Combine(dir["data"], "labels.csv")).ToDictionary(l => l.AccountId.Value);
        Assert.All(matched, a => Assert.True(labels[a].IsCampaign, $"organic account {a} matched"));
        var flagged = AccountsCsv.Read(Path.Combine(dir["out"], "accounts.csv")).Count(a => a.Verdict == DistillGuard.Core.Model.Verdict.Distillation);
        Assert.True(matched.Count >= 0.8 * flagged, $"{matched.Count} matched of {flagged} flagged");
        Assert.True(File.Exists(Path.Combine(dir["match"], "sightings.json")));
    }

    [Fact]
    public async Task AnotherKeyOrABrokenBundleIsRefusedAndWritesNothing()
    {
        using var dir = new TempDir();
        var key = dir["group.key"];
        var other = dir["other.key"];
        await File.WriteAllBytesAsync(key, SHA256.HashData("sharing group A"u8));
        await File.WriteAllBytesAsync(other, SHA256.HashData("sharing group B"u8));
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "tiny", "--seed", "204", "--out", dir["data"]));
        var db = dir["a.duckdb"];
        Assert.Equal(0, await Cli.Run("analyze", "--input", dir["data"], "--out", dir["out"], "--db", db, "--sharing-key-file", key));
        Assert.Equal(1, await Cli.Run("intel", "export", "--db", db, "--all", "--tlp", "amber", "--key-file", other, "--out", dir["bundle.json"]));
        Assert.False(File.Exists(dir["bundle.json"]));

        await File.WriteAllTextAsync(dir["broken.json"], "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[{\"type\":\"campaign\",\"spec_version\":\"2.0\"}]}");
        Assert.Equal(1, await Cli.Run("intel", "match", "--db", db, "--bundle", dir["broken.json"], "--key-file", key, "--out", dir["match"]));
        Assert.False(File.Exists(Path.Combine(dir["match"], "matches.csv")));
        Assert.Equal(1, await Cli.Run("intel", "export", "--db", db, "--all", "--tlp", "purple", "--key-file", key, "--out", dir["bundle.json"]));
    }
}
