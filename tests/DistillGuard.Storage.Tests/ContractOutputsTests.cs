namespace DistillGuard.Storage.Tests;

using System.Text;
using System.Text.Json;
using DistillGuard.Core.Model;
using DistillGuard.Reporting;

public sealed class ContractOutputsTests : IDisposable
{
    private readonly TempDir dir = Some.TempDir();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void AccountsCsvStartsWithTheExactContractHeaderAndNoByteOrderMark()
    {
        var path = dir.File("accounts.csv");
        ContractOutputs.WriteAccountsCsv(path, Some.Result("r").Accounts);

        var bytes = File.ReadAllBytes(path);
        Assert.NotEqual(0xEF, bytes[0]);
        var lines = File.ReadAllText(path).Split('\n');
        Assert.Equal("account_id,risk_score,verdict,campaign_id,exchanges,reasons", lines[0]);
        Assert.Equal("acct-c,0.0500,benign,,120,", lines[3]);
        Assert.Equal(string.Empty, lines[^1]);
    }

    [Fact]
    public void AReasonWithACommaAndAQuoteIsQuotedPerRfc4180()
    {
        var account = Some.Verdict("acct-a", 0.97123, Verdict.Distillation, "C1",
            Some.Reason("template_share", 2, "uses the \"solve, then explain\" template"),
            Some.Reason("hour_entropy", -0.5, "active at all hours"));

        var row = ContractOutputs.AccountRow(account);

        Assert.Equal(
            "acct-a,0.9712,distillation,C1,120,\"uses the \"\"solve, then explain\"\" template; active at all hours\"",
            row);
    }

    [Fact]
    public void ReasonsAreTheFiveStrongestByMagnitudeWithSeparatorsAndLineBreaksStripped()
    {
        var reasons = new[]
        {
            Some.Reason("a", 0.1, "weakest"),
            Some.Reason("b", -3.0, "strong; negative"),
            Some.Reason("c", 2.0, "line\r\nbreak"),
            Some.Reason("d", 1.0, "d"),
            Some.Reason("e", 0.9, "e"),
            Some.Reason("f", 0.8, "f"),
        };

        Assert.Equal("strong negative; line break; d; e; f", ContractOutputs.ReasonsText(reasons));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tacct", "\"'\tacct\"")]
    [InlineData("\racct", "\"'\racct\"")]
    [InlineData("'=already", "\"''=already\"")]
    [InlineData("'plain", "'plain")]
    [InlineData("a=b", "a=b")]
    public void AFormulaLeadingIdIsPrefixedWithAQuoteAndQuotedAndTheScoreStaysANumber(string id, string written)
    {
        var row = ContractOutputs.AccountRow(Some.Verdict(id, 0.5, Verdict.Distillation, "-C1"));

        Assert.StartsWith(written + ",0.5000,distillation,\"'-C1\",120,", row, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAccountIdWithALineBreakStaysInOneQuotedField()
    {
        var row = ContractOutputs.AccountRow(Some.Verdict("evil\nid", 0.5, Verdict.Suspicious, null));

        Assert.StartsWith("\"evil\nid\",0.5000,suspicious,,120,", row, StringComparison.Ordinal);
    }

    [Fact]
    public void CampaignsJsonHasTheContractFieldsAndParsesBack()
    {
        var path = dir.File("campaigns.json");
        ContractOutputs.WriteCampaignsJson(path, Some.Result("r").Campaigns);

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var campaign = Assert.Single(doc.RootElement.EnumerateArray().ToList());
        var names = campaign.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["campaign_id", "accounts", "exchanges", "first_seen", "last_seen", "output_tokens", "capability_mix", "evidence"],
            names.Take(8));
        Assert.Equal("C1", campaign.GetProperty("campaign_id").GetString());
        Assert.Equal(["acct-a", "acct-b"], campaign.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(900, campaign.GetProperty("exchanges").GetInt64());
        Assert.Equal("2026-03-01T08:00:00Z", campaign.GetProperty("first_seen").GetString());
        Assert.Equal("2026-03-03T13:00:00Z", campaign.GetProperty("last_seen").GetString());
        Assert.Equal(1_800_000, campaign.GetProperty("output_tokens").GetInt64());
        Assert.Equal(0.5, campaign.GetProperty("capability_mix").GetProperty("coding").GetDouble());
        Assert.Equal(0.3, campaign.GetProperty("capability_mix").GetProperty("math").GetDouble());
        Assert.Equal(2, campaign.GetProperty("evidence").GetArrayLength());
        Assert.Equal(3, campaign.GetProperty("timeline").GetArrayLength());
        Assert.Equal("2026-03-01", campaign.GetProperty("timeline")[0].GetProperty("day").GetString());
    }

    [Fact]
    public void CampaignsJsonEscapesMarkupInStrings()
    {
        var path = dir.File("campaigns.json");
        ContractOutputs.WriteCampaignsJson(path, [Some.Campaign("<script>x</script>", ["a\"b"], evidence: ["</script>"])]);

        var text = File.ReadAllText(path, Encoding.UTF8);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        Assert.Equal("<script>x</script>", doc.RootElement[0].GetProperty("campaign_id").GetString());
        Assert.Equal("a\"b", doc.RootElement[0].GetProperty("accounts")[0].GetString());
    }

    [Fact]
    public void SummaryJsonCarriesTheCountsUnderTheirContractNames()
    {
        var path = dir.File("summary.json");
        ContractOutputs.WriteSummaryJson(path, Some.Run("run-7"), accounts: 3, flaggedAccounts: 2, campaigns: 1);

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        Assert.Equal(1_010, root.GetProperty("read").GetInt64());
        Assert.Equal(1_000, root.GetProperty("accepted").GetInt64());
        Assert.Equal(7, root.GetProperty("rejected").GetInt64());
        Assert.Equal(3, root.GetProperty("duplicates").GetInt64());
        Assert.Equal(3, root.GetProperty("accounts").GetInt32());
        Assert.Equal(2, root.GetProperty("flagged_accounts").GetInt32());
        Assert.Equal(1, root.GetProperty("campaigns").GetInt32());
        Assert.Equal(12.345, root.GetProperty("wall_time_seconds").GetDouble());
        Assert.Equal("run-7", root.GetProperty("run_id").GetString());
        Assert.Equal("logs/2026-03.jsonl.gz", root.GetProperty("input").GetString());
        Assert.False(File.Exists(path + ".partial"));
    }
}
