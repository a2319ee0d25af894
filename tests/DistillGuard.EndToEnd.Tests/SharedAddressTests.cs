using System.Text.Json;
using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

public class SharedAddressTests
{
    [Fact]
    public async Task UsersBehindAUniversityNatOrAPopularVpnExitAreNeverLinkedIntoACampaign()
    {
        using var dir = new TempDir();
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "shared-nat", "--seed", "5", "--out", dir["data"]));
        Assert.Equal(0, await Cli.Run("analyze", "--input", dir["data"], "--out", dir["out"]));

        var labels = LabelsCsv.Read(Path.Combine(dir["data"], "labels.csv")).ToDictionary(l => l.AccountId.Value);
        var accountsPerIp = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in await ExchangeLog.LinesAsync(dir["data"]))
        {
            using var record = JsonDocument.Parse(line);
            var account = record.RootElement.GetProperty("account_id").GetString()!;
            if (!labels[account].IsCampaign && record.RootElement.TryGetProperty("client_ip", out var ip))
            {
                var set = accountsPerIp.TryGetValue(ip.GetString()!, out var found) ? found : accountsPerIp[ip.GetString()!] = [];
                set.Add(account);
            }
        }

        // The crowds: addresses that carry fifty or more ordinary users.
        var crowd = accountsPerIp.Values.Where(s => s.Count >= 50).SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        Assert.True(crowd.Count >= 500, $"only {crowd.Count} accounts behind shared addresses");
        var verdicts = AccountsCsv.Read(Path.Combine(dir["out"], "accounts.csv"));
        Assert.All(verdicts.Where(v => crowd.Contains(v.AccountId.Value)), v =>
        {
            Assert.True(string.IsNullOrEmpty(v.CampaignId), $"{v.AccountId.Value} linked into {v.CampaignId}");
            Assert.NotEqual(DistillGuard.Core.Model.Verdict.Distillation, v.Verdict);
        });
    }
}
