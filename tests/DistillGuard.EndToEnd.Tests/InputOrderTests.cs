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
        var data = dir["data"];
        // tiny 1: its slow-style operator's two card groups are joined on their wording, the step most exposed to order.
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "tiny", "--seed", "1", "--out", data));
        var lines = await ExchangeLog.LinesAsync(data);
        new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lines));
        var shuffled = dir["shuffled.jsonl"];
        await File.WriteAllLinesAsync(shuffled, lines);
        // The wrapper sample and the stored hashes are keyed: one fixed key for both runs.
        await PrivateFile.WriteAsync(dir["fixed.key"], Enumerable.Repeat((byte)7, 32).ToArray());
        Assert.Equal(0, await Cli.Run("analyze", "--input", Path.Combine(data, "exchanges.jsonl.gz"), "--out", dir["ordered"], "--key-file", dir["fixed.key"]));
        Assert.Equal(0, await Cli.Run("analyze", "--input", shuffled, "--out", dir["shuffled"], "--key-file", dir["fixed.key"]));

        var ordered = AccountsCsv.Read(Path.Combine(dir["ordered"], "accounts.csv")).ToDictionary(a => a.AccountId);
        var reordered = AccountsCsv.Read(Path.Combine(dir["shuffled"], "accounts.csv")).ToDictionary(a => a.AccountId);
        Assert.Equal(ordered.Keys.Order(), reordered.Keys.Order());
        Assert.All(ordered, kv => Assert.Equal((kv.Value.Verdict, kv.Value.CampaignId), (reordered[kv.Key].Verdict, reordered[kv.Key].CampaignId)));
        Assert.Contains(ordered.Values, a => a.CampaignId is not null);
        Assert.Contains("keep repeating the same rare wrapper wording", await File.ReadAllTextAsync(Path.Combine(dir["shuffled"], "campaigns.json")), StringComparison.Ordinal);
    }
}
