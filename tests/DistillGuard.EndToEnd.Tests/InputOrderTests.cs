using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// The whole pipeline, not only the linker, gives the same campaigns whatever order the log's lines come in: sketches
/// that count approximately may move a benign account's risk a little, but no verdict and no campaign may change.
/// </summary>
public class InputOrderTests
{
    [Fact]
    public async Task AShuffledLogGivesTheSameVerdictsAndCampaigns()
    {
        using var dir = new TempDir();
        // tiny 1: its slow-style operator's two card groups are joined on their wording, the step most exposed to order.
        // The wrapper sample and the stored hashes are keyed: one fixed key for both runs.
        var key = await Scenarios.HashKey();
        var ordered = await Scenarios.Analyse(await Scenarios.Tiny(1), "--key-file", key);
        var shuffled = await ordered.Data.CopyToAsync(dir, lines =>
        {
            new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lines));
            return lines;
        }, "shuffled");
        Assert.Equal(0, await Cli.Run("analyze", "--input", shuffled.Log, "--out", dir["shuffled-out"], "--key-file", key));

        var before = AccountsCsv.Read(ordered.Accounts).ToDictionary(a => a.AccountId);
        var after = AccountsCsv.Read(Path.Combine(dir["shuffled-out"], "accounts.csv")).ToDictionary(a => a.AccountId);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.Equal((kv.Value.Verdict, kv.Value.CampaignId), (after[kv.Key].Verdict, after[kv.Key].CampaignId)));
        Assert.Contains(before.Values, a => a.CampaignId is not null);
        Assert.Contains("keep repeating the same rare wrapper wording", await File.ReadAllTextAsync(Path.Combine(dir["shuffled-out"], "campaigns.json")), StringComparison.Ordinal);
    }
}
