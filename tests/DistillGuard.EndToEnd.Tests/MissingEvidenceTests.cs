using System.Text.Json.Nodes;
using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>One simulated <c>tiny</c> log (seed 206) shared by the tests that strip fields from it.</summary>
public sealed class TinyLogFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDir _dir = new();

    public string Data => _dir["data"];

    public async Task InitializeAsync() =>
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "tiny", "--seed", "206", "--out", Data));

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _dir.Dispose();
}

/// <summary>A log that lacks optional fields detection reads still analyses, and the reasons say what was missing.</summary>
public class MissingEvidenceTests(TinyLogFixture log) : IClassFixture<TinyLogFixture>
{
    private static readonly string[] IdentityFields = ["payment_fingerprint", "client_ip", "asn", "country", "email_domain", "organization_id", "api_key_id"];

    private async Task<(int Code, string Dir)> AnalyseWithout(TempDir dir, params string[] fields)
    {
        var data = log.Data;
        var lines = new List<string>();
        foreach (var line in await ExchangeLog.LinesAsync(data))
        {
            var record = JsonNode.Parse(line)!.AsObject();
            foreach (var field in fields)
            {
                record.Remove(field);
            }

            lines.Add(record.ToJsonString());
        }

        await File.WriteAllLinesAsync(dir["bare.jsonl"], lines);
        return (await Cli.Run("analyze", "--input", dir["bare.jsonl"], "--out", dir["out"]), dir["out"]);
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
        var labels = LabelsCsv.Read(Path.Combine(log.Data, "labels.csv"));
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
        using var dir = new TempDir();
        var (code, output) = await AnalyseWithout(dir);

        Assert.Equal(0, code);
        Assert.DoesNotContain("evidence missing", await File.ReadAllTextAsync(Path.Combine(output, "accounts.csv")), StringComparison.Ordinal);
    }
}
