using System.Text.Json;
using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

public class SharedAddressTests
{
    [Fact]
    public async Task UsersBehindAUniversityNatOrAPopularVpnExitAreNeverLinkedIntoACampaign()
    {
        var run = await Scenarios.Analyse(await Scenarios.Simulate("shared-nat", 5));

        var labels = LabelsCsv.Read(run.Data.Labels).ToDictionary(l => l.AccountId.Value);
        var accountsPerIp = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in await run.Data.LinesAsync())
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
        var verdicts = AccountsCsv.Read(run.Accounts);
        Assert.All(verdicts.Where(v => crowd.Contains(v.AccountId.Value)), v =>
        {
            Assert.True(string.IsNullOrEmpty(v.CampaignId), $"{v.AccountId.Value} linked into {v.CampaignId}");
            Assert.NotEqual(DistillGuard.Core.Model.Verdict.Distillation, v.Verdict);
        });
    }
}
