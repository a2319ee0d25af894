using System.Text.Json;
using System.Text.Json.Nodes;
using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

public class ExplainEdgesTests
{
    // Markup, a terminal escape sequence, a bidirectional override and HTML in one account id.
    private const string Hostile = "acct_[bold red]x[/]\u001b[2J\u202e<script>alert(1)</script>";

    /// <summary>
    /// Copies the shared `tiny` log into <paramref name="dir"/>, with one hydra account that shares its payment
    /// instrument with others renamed to <see cref="Hostile"/>, uncompressed.
    /// </summary>
    private static async Task<ScenarioData> TinyWithAHostileHarvester(TempDir dir)
    {
        var data = await Scenarios.Tiny(201);
        var hydra = LabelsCsv.Read(data.Labels).Where(l => l.Kind == "hydra").Select(l => l.AccountId.Value).ToHashSet(StringComparer.Ordinal);
        var records = (await data.LinesAsync()).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

        var payer = records
            .Where(l => hydra.Contains((string)l["account_id"]!) && l["payment_fingerprint"] is not null)
            .GroupBy(l => (string)l["payment_fingerprint"]!)
            .Where(g => g.Select(l => (string)l["account_id"]!).Distinct().Count() >= 2)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(l => (string)l["account_id"]!).Min(StringComparer.Ordinal)!)
            .First();
        return await data.CopyToAsync(dir, _ => records.Select(l =>
        {
            if ((string)l["account_id"]! == payer)
            {
                l["account_id"] = Hostile;
            }

            return l.ToJsonString();
        }), "hostile");
    }

    [Fact]
    public async Task ExplainListsTheEdgesOfAFlaggedAccountAndItsCampaignWithRarityAndEscapesHostileIds()
    {
        using var dir = new TempDir();
        var input = await TinyWithAHostileHarvester(dir);
        var db = dir["runs.duckdb"];
        Assert.Equal(0, await Cli.Run("analyze", "--input", input.Log, "--out", dir["out"], "--db", db));
        var verdict = Assert.Single(AccountsCsv.Read(Path.Combine(dir["out"], "accounts.csv")), v => v.AccountId.Value == Hostile);
        Assert.Equal(DistillGuard.Core.Model.Verdict.Distillation, verdict.Verdict);

        var (code, text) = await Cli.RunCaptured(400, "explain", "--db", db, "--account", Hostile);
        Assert.Equal(0, code);
        Assert.Contains("link evidence: shares evidence with", text, StringComparison.Ordinal);
        Assert.Contains("shared payment instrument", text, StringComparison.Ordinal);
        Assert.Matches(@"shared with \d+ other accounts; carried by \d+\.\d\d% of ordinary accounts \(\d+ of \d+\)", text);
        AssertPrintedSafely(text);

        using var campaigns = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "campaigns.json")));
        var campaign = campaigns.RootElement.EnumerateArray().Single(c => c.GetProperty("accounts").EnumerateArray().Any(a => a.GetString() == Hostile));
        (code, text) = await Cli.RunCaptured(400, "explain", "--db", db, "--campaign", campaign.GetProperty("campaign_id").GetString()!);
        Assert.Equal(0, code);
        Assert.Contains("evidence among the campaign's accounts", text, StringComparison.Ordinal);
        Assert.Contains("strongest edges inside the campaign", text, StringComparison.Ordinal);
        Assert.Contains("the store keeps up to 50 edges per account, its strongest partners'", text, StringComparison.Ordinal);
        AssertPrintedSafely(text);

        // The operator's sign-up script made its accounts in batches: the bursts are listed among the evidence.
        Assert.Contains("sign-up in the same half hour (a burst of account creation)", text, StringComparison.Ordinal);
    }

    private static void AssertPrintedSafely(string text)
    {
        // The id is printed as the text it is, markup and all, with the invisible characters spelled out.
        Assert.Contains("acct_[bold red]x[/]\\u001B[2J\\u202E<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u202e', text);
    }
}
