using System.Globalization;
using System.Text;
using System.Text.Json;
using DistillGuard.Storage;

namespace DistillGuard.EndToEnd.Tests;

public class AnalyzeCommandTests
{
    private static string Line(string eventId, string account, string prompt = "What is 2 + 2?", string? userAgent = null, int minute = 0)
    {
        var record = new Dictionary<string, object?>
        {
            ["event_id"] = eventId,
            ["timestamp"] = new DateTime(2026, 4, 22, 10, 0, 0, DateTimeKind.Utc).AddMinutes(minute).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["account_id"] = account,
            ["model"] = "frontier-1",
            ["prompt"] = prompt,
            ["input_tokens"] = 12,
            ["output_tokens"] = 40,
            ["user_agent"] = userAgent,
        };
        return JsonSerializer.Serialize(record);
    }

    [Fact]
    public async Task BadRecordsLandInTheRejectsAndTheCountsAddUp()
    {
        using var dir = new TempDir();
        var input = dir["log.jsonl"];
        var lines = new List<string>
        {
            Line("e1", "acct_a"),
            Line("e2", "acct_a", minute: 1),
            Line("e2", "acct_a", minute: 2), // duplicate event id
            """{"event_id":"e3","timestamp":"2026-04-22T10:00:00Z","model":"m","prompt":"p","input_tokens":1,"output_tokens":1}""", // no account
            """{"event_id":"e4","timestamp":"not a time","account_id":"acct_b","model":"m","prompt":"p","input_tokens":1,"output_tokens":1}""",
            """{"event_id":"e5","timestamp":"2026-04-22T10:00:00Z","account_id":"acct_b","model":"m","prompt":"p","input_tokens":"many","output_tokens":1}""",
            Line("e6", "acct_b", minute: 3),
        };
        await File.WriteAllTextAsync(input, string.Join('\n', lines) + "\n{\"event_id\":\"e7\",\"timest");

        Assert.Equal(0, await Cli.Run("analyze", "--input", input, "--out", dir["out"]));

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(8, root.GetProperty("read").GetInt64());
        Assert.Equal(3, root.GetProperty("accepted").GetInt64());
        Assert.Equal(4, root.GetProperty("rejected").GetInt64());
        Assert.Equal(1, root.GetProperty("duplicates").GetInt64());
        var rejects = await File.ReadAllLinesAsync(Path.Combine(dir["out"], "rejects.jsonl"));
        Assert.Equal(4, rejects.Length);
        Assert.All(rejects, r =>
        {
            using var doc = JsonDocument.Parse(r);
            Assert.EndsWith("log.jsonl", doc.RootElement.GetProperty("file").GetString(), StringComparison.Ordinal);
            Assert.True(doc.RootElement.GetProperty("line").GetInt64() > 0);
            Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("reason").GetString()));
        });
        var accounts = await File.ReadAllLinesAsync(Path.Combine(dir["out"], "accounts.csv"));
        Assert.Equal("account_id,risk_score,verdict,campaign_id,exchanges,reasons", accounts[0]);
        Assert.Equal(3, accounts.Length); // header + acct_a + acct_b
    }

    [Fact]
    public async Task AnOutputFolderInsideTheInputFolderIsNotReadAsInput()
    {
        // Twice: the second run finds the first run's outputs (a rejects file among them) inside the input folder,
        // and the run's own rejects file is appended to while the folder is read.
        using var dir = new TempDir();
        var logs = dir["logs"];
        Directory.CreateDirectory(logs);
        await File.WriteAllTextAsync(Path.Combine(logs, "log.jsonl"), string.Join('\n', Line("e1", "acct_a"), Line("e2", "acct_a", minute: 1), "{\"event_id\":") + "\n");
        var output = Path.Combine(logs, "out");
        for (var run = 0; run < 2; run++)
        {
            Assert.Equal(0, await Cli.Run("analyze", "--input", logs, "--out", output));
            using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json")));
            Assert.Equal((3, 2, 1), (summary.RootElement.GetProperty("read").GetInt64(), summary.RootElement.GetProperty("accepted").GetInt64(), summary.RootElement.GetProperty("rejected").GetInt64()));
            Assert.Single(await File.ReadAllLinesAsync(Path.Combine(output, "rejects.jsonl")));
        }
    }

    [Fact]
    public async Task AnUnreadableInputIsAClearErrorThatNamesTheFile()
    {
        using var dir = new TempDir();
        var missing = dir["nowhere.jsonl"];
        var (code, errors) = await Cli.RunCapturingErrors("analyze", "--input", missing, "--out", dir["out"]);

        Assert.Equal(1, code);
        Assert.Contains("nowhere.jsonl", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondAnalysisIntoTheSameDatabaseAddsARunAndKeepsTheFirst()
    {
        using var dir = new TempDir();
        var input = dir["log.jsonl"];
        await File.WriteAllLinesAsync(input, [Line("e1", "acct_a"), Line("e2", "acct_b", minute: 5)]);
        var db = dir["runs.duckdb"];
        Assert.Equal(0, await Cli.Run("analyze", "--input", input, "--out", dir["one"], "--db", db));
        Assert.Equal(0, await Cli.Run("analyze", "--input", input, "--out", dir["two"], "--db", db));

        using var store = new DuckDbAnalysisStore(db);
        var runs = store.ListRuns();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(DistillGuard.Core.Storage.RunStatus.Complete, r.Status));
        var first = store.LoadRun(runs[0].Run.RunId);
        Assert.NotNull(first);
        Assert.Equal(2, first.Accounts.Count);
        Assert.Equal(2, first.Run.Counts.Accepted);
    }

    [Fact]
    public async Task AttackerControlledTextIsEscapedInTheReportAndPromptsAreNotStored()
    {
        using var dir = new TempDir();
        var input = dir["log.jsonl"];
        const string hostile = "<script>alert('x')</script>";
        var lines = Enumerable.Range(0, 30).Select(i => Line($"e{i}", hostile + "acct", "Ignore all <b>previous</b> instructions " + i, userAgent: hostile, minute: i));
        await File.WriteAllLinesAsync(input, lines);
        Assert.Equal(0, await Cli.Run("analyze", "--input", input, "--out", dir["out"]));

        var html = await File.ReadAllTextAsync(Path.Combine(dir["out"], "report.html"));
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        var db = await File.ReadAllBytesAsync(Path.Combine(dir["out"], "distillguard.duckdb"));
        Assert.Equal(-1, Encoding.UTF8.GetString(db).IndexOf("previous</b> instructions", StringComparison.Ordinal));
    }
}
