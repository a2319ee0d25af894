using System.Text.Json.Nodes;
using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>A log that lacks optional fields detection reads still analyses, and the reasons say what was missing.</summary>
public class MissingEvidenceTests
{
    private static readonly string[] IdentityFields = ["payment_fingerprint", "client_ip", "asn", "country", "email_domain", "organization_id", "api_key_id"];

    private static async Task<(int Code, string Dir)> AnalyseWithout(TempDir dir, params string[] fields)
    {
        var bare = await (await Scenarios.Tiny(201)).CopyToAsync(dir, lines => lines.Select(line =>
        {
            var record = JsonNode.Parse(line)!.AsObject();
            foreach (var field in fields)
            {
                record.Remove(field);
            }

            return record.ToJsonString();
        }));
        return (await Cli.Run("analyze", "--input", bare.Log, "--out", dir["out"]), dir["out"]);
    }

    [Theory]
    [InlineData("system_prompt")]
    [InlineData("conversation_id", "turn_index")]
    [InlineData("payment_fingerprint", "client_ip", "asn", "country", "email_domain", "organization_id", "api_key_id", "account_created_at", "system_prompt", "conversation_id", "turn_index")]
    public async Task ALogWithoutTheseFieldsStillAnalysesEveryAccountWithNothingRejected(params string[] fields)
    {
        using var dir = new TempDir();
        var (code, output) = await AnalyseWithout(dir, fields);

        Assert.Equal(0, code);
        var accounts = AccountsCsv.Read(Path.Combine(output, "accounts.csv"));
        var labels = LabelsCsv.Read((await Scenarios.Tiny(201)).Labels);
        Assert.Equal(labels.Count, accounts.Count);
        Assert.Equal(0, new FileInfo(Path.Combine(output, "rejects.jsonl")).Length);
    }

    [Fact]
    public async Task WithoutIdentityFieldsOrCreationTimesEveryAccountsReasonsSayWhichEvidenceWasMissing()
    {
        using var dir = new TempDir();
        var (code, output) = await AnalyseWithout(dir, [.. IdentityFields, "account_created_at"]);

        Assert.Equal(0, code);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(output, "accounts.csv"))).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.Contains("evidence missing from the log: no payment, client address, e-mail domain or organisation", row, StringComparison.Ordinal);
            Assert.Contains("no account creation time", row, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AFullLogSaysNothingIsMissing()
    {
        var run = await Scenarios.Analyse(await Scenarios.Tiny(201));

        Assert.DoesNotContain("evidence missing", await File.ReadAllTextAsync(run.Accounts), StringComparison.Ordinal);
    }
}
