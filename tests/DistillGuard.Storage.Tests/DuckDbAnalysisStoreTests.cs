namespace DistillGuard.Storage.Tests;

using System.Globalization;
using DistillGuard.Core.Model;
using DistillGuard.Core.Storage;
using DuckDB.NET.Data;

public sealed class DuckDbAnalysisStoreTests : IDisposable
{
    private readonly TempDir dir = Some.TempDir();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void ACompletedRunReloadsWithVerdictsReasonsCampaignsAndTimeline()
    {
        var result = Some.Result("run-1");
        var features = new[] { Some.Features("acct-a"), Some.Features("acct-b", 80) };
        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.BeginRun(result.Run);
            store.CompleteRun(result, features);
        }

        using var reopened = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        var loaded = reopened.LoadRun("run-1");
        Assert.NotNull(loaded);
        AssertSameResult(result, loaded);
        AssertSameFeatures(features[0], reopened.LoadFeatures("run-1", new AccountId("acct-a")));
        AssertSameFeatures(features[1], reopened.LoadFeatures("run-1", new AccountId("acct-b")));
        Assert.Null(reopened.LoadFeatures("run-1", new AccountId("nobody")));
    }

    [Fact]
    public void ASecondRunInTheSameFileLeavesTheFirstIntact()
    {
        var first = Some.Result("run-1");
        var second = Some.Result("run-2") with
        {
            Accounts = [Some.Verdict("acct-z", 0.99, Verdict.Distillation, "C9", Some.Reason("x", 1, "other run"))],
            Campaigns = [Some.Campaign("C9", ["acct-z"], evidence: ["only in run 2"])],
        };

        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.BeginRun(first.Run);
            store.AppendExchanges("run-1", [.. Enumerable.Range(0, 10).Select(i => Some.Exchange(i))]);
            store.CompleteRun(first, [Some.Features("acct-a")]);
        }

        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.BeginRun(second.Run);
            store.AppendExchanges("run-2", [.. Enumerable.Range(0, 10).Select(i => Some.Exchange(i, "acct-z"))]);
            store.CompleteRun(second, [Some.Features("acct-z")]);
        }

        using var reopened = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        Assert.Equal(["run-1", "run-2"], reopened.ListRuns().Select(r => r.Run.RunId));
        AssertSameResult(first, reopened.LoadRun("run-1")!);
        AssertSameResult(second, reopened.LoadRun("run-2")!);
        Assert.Null(reopened.LoadFeatures("run-1", new AccountId("acct-z")));
    }

    [Fact]
    public void ARunThatNeverCompletesIsListedAsRunningAndDoesNotLoad()
    {
        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.BeginRun(Some.Run("crashed"));
            store.AppendExchanges("crashed", [Some.Exchange(1)]);
        }

        using var reopened = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        var run = Assert.Single(reopened.ListRuns());
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Null(reopened.LoadRun("crashed"));
    }

    [Fact]
    public void TheNextRunMarksARunThatNeverCompletedFailedAndRemovesItsRows()
    {
        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.BeginRun(Some.Run("crashed"));
            store.AppendExchanges("crashed", [.. Enumerable.Range(0, 50).Select(i => Some.Exchange(i))]);
        }

        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.BeginRun(Some.Run("next"));
            store.AppendExchanges("next", [.. Enumerable.Range(0, 10).Select(i => Some.Exchange(i))]);
            store.CompleteRun(Some.Result("next"), [Some.Features("acct-a")]);
        }

        using var reopened = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        var runs = reopened.ListRuns().ToDictionary(r => r.Run.RunId, r => r.Status);
        Assert.Equal(RunStatus.Failed, runs["crashed"]);
        Assert.Equal(RunStatus.Complete, runs["next"]);
        Assert.Null(reopened.LoadRun("crashed"));
        reopened.Dispose();
        using var raw = RawDb.Open(dir.File("dg.duckdb"));
        using var count = raw.CreateCommand();
        count.CommandText = "SELECT count(*) FROM exchanges WHERE run_id = 'crashed'";
        Assert.Equal(0L, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ListRunsReportsStatusAndResultSizes()
    {
        using var store = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        var result = Some.Result("run-1");
        store.BeginRun(result.Run);
        store.CompleteRun(result, []);

        var run = Assert.Single(store.ListRuns());
        Assert.Equal(RunStatus.Complete, run.Status);
        Assert.Equal((3, 2, 1), (run.Accounts, run.FlaggedAccounts, run.Campaigns));
        Assert.Equal(result.Run.Counts, run.Run.Counts);
        Assert.Equal(result.Run.WallTime, run.Run.WallTime);
    }

    [Fact]
    public void AHundredThousandExchangesAppendInBatches()
    {
        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.BeginRun(Some.Run("big"));
            foreach (var batch in Enumerable.Range(0, 100_000).Select(i => Some.Exchange(i)).Chunk(10_000))
            {
                store.AppendExchanges("big", batch);
            }
        }

        using var connection = OpenRaw();
        Assert.Equal(100_000L, Scalar<long>(connection, "SELECT count(*) FROM exchanges WHERE run_id = 'big'"));
        Assert.Equal(100_000L, Scalar<long>(connection, "SELECT count(DISTINCT event_id) FROM exchanges"));
        Assert.Equal(ulong.MaxValue, Scalar<ulong>(connection, "SELECT max(prompt_hash) FROM exchanges"));
        Assert.Equal(ulong.MaxValue - 99_999UL, Scalar<ulong>(connection, "SELECT min(prompt_hash) FROM exchanges"));
    }

    [Fact]
    public void BatchesOfInterleavedRunsAllReachTheirRun()
    {
        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.BeginRun(Some.Run("a"));
            store.BeginRun(Some.Run("b"));
            store.AppendExchanges("a", [Some.Exchange(1), Some.Exchange(2)]);
            store.AppendExchanges("b", [Some.Exchange(3)]);
            store.AppendExchanges("a", [Some.Exchange(4)]);
            store.Flush();
            store.AppendExchanges("b", [Some.Exchange(5)]);
        }

        using var connection = OpenRaw();
        Assert.Equal(3L, Scalar<long>(connection, "SELECT count(*) FROM exchanges WHERE run_id = 'a'"));
        Assert.Equal(2L, Scalar<long>(connection, "SELECT count(*) FROM exchanges WHERE run_id = 'b'"));
    }

    [Fact]
    public void PromptTextIsNullUnlessTheCallerSetIt()
    {
        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.BeginRun(Some.Run("r"));
            store.AppendExchanges("r", [Some.Exchange(1), Some.Exchange(2), Some.Exchange(3, promptText: "kept on request")]);
        }

        using var connection = OpenRaw();
        Assert.Equal(2L, Scalar<long>(connection, "SELECT count(*) FROM exchanges WHERE prompt_text IS NULL"));
        Assert.Equal("kept on request", Scalar<string>(connection, "SELECT prompt_text FROM exchanges WHERE event_id = 'ev-3'"));
        Assert.Equal("UBIGINT", Scalar<string>(connection,
            "SELECT data_type FROM information_schema.columns WHERE table_name = 'exchanges' AND column_name = 'prompt_hash'"));
    }

    [Fact]
    public void AFileThatIsNotADuckDbDatabaseGivesAStoreExceptionNamingIt()
    {
        var path = dir.File("not-a-db.duckdb");
        File.WriteAllText(path, "account_id,label\nacct-a,organic\n" + new string('x', 8_192));

        var ex = Assert.Throws<StoreException>(() => new DuckDbAnalysisStore(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.DatabasePath);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public void AMissingDirectoryGivesAStoreExceptionNamingTheFile()
    {
        var path = Path.Combine(dir.Path, "no", "such", "dir", "dg.duckdb");

        var ex = Assert.Throws<StoreException>(() => new DuckDbAnalysisStore(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewerSchemaVersionIsRefused()
    {
        using (new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
        }

        using (var connection = OpenRaw())
        {
            Execute(connection, "UPDATE schema_version SET version = 99");
        }

        var ex = Assert.Throws<StoreException>(() => new DuckDbAnalysisStore(dir.File("dg.duckdb")));
        Assert.Contains("99", ex.Message, StringComparison.Ordinal);
        Assert.Contains(dir.File("dg.duckdb"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuckDbFileOfAnotherApplicationIsRefused()
    {
        using (var connection = OpenRaw())
        {
            Execute(connection, "CREATE TABLE customers (id INTEGER)");
        }

        var ex = Assert.Throws<StoreException>(() => new DuckDbAnalysisStore(dir.File("dg.duckdb")));
        Assert.Contains("not an analysis store", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BeginningTheSameRunTwiceIsAStoreException()
    {
        using var store = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        store.BeginRun(Some.Run("r"));

        Assert.Throws<StoreException>(() => store.BeginRun(Some.Run("r")));
    }

    [Fact]
    public void CompletingARunTwiceIsRefusedAndKeepsTheFirstResult()
    {
        using var store = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        var result = Some.Result("r");
        store.CompleteRun(result, []);

        Assert.Throws<StoreException>(() => store.CompleteRun(result with { Accounts = [] }, []));
        AssertSameResult(result, store.LoadRun("r")!);
    }

    [Fact]
    public void ACompleteRunThatFailsMidwayLeavesNothingBehindAndTheRunRunning()
    {
        using var store = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        var result = Some.Result("r");
        store.BeginRun(result.Run);
        var duplicated = result with { Accounts = [.. result.Accounts, result.Accounts[0]] };

        Assert.Throws<StoreException>(() => store.CompleteRun(duplicated, [Some.Features("acct-a")]));

        Assert.Equal(RunStatus.Running, Assert.Single(store.ListRuns()).Status);
        Assert.Null(store.LoadFeatures("r", new AccountId("acct-a")));
        store.CompleteRun(result, [Some.Features("acct-a")]);
        AssertSameResult(result, store.LoadRun("r")!);
    }

    private DuckDBConnection OpenRaw() => RawDb.Open(dir.File("dg.duckdb"));

    private static void Execute(DuckDBConnection connection, string sql) => RawDb.Execute(connection, sql);

    private static T Scalar<T>(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static void AssertSameResult(AnalysisResult expected, AnalysisResult actual)
    {
        Assert.Equal(expected.Run, actual.Run);
        Assert.Equal(expected.Accounts.Count, actual.Accounts.Count);
        foreach (var (e, a) in expected.Accounts.Zip(actual.Accounts))
        {
            Assert.Equal(e with { Reasons = [] }, a with { Reasons = [] });
            Assert.Equal(e.Reasons, a.Reasons);
        }

        Assert.Equal(expected.Campaigns.Count, actual.Campaigns.Count);
        foreach (var (e, a) in expected.Campaigns.Zip(actual.Campaigns))
        {
            Assert.Equal(e.CampaignId, a.CampaignId);
            Assert.Equal(e.Accounts, a.Accounts);
            Assert.Equal((e.Exchanges, e.InputTokens, e.OutputTokens, e.ReasoningTokens), (a.Exchanges, a.InputTokens, a.OutputTokens, a.ReasoningTokens));
            Assert.Equal((e.FirstSeen, e.LastSeen), (a.FirstSeen, a.LastSeen));
            Assert.Equal(e.CapabilityMix.OrderBy(kv => kv.Key), a.CapabilityMix.OrderBy(kv => kv.Key));
            Assert.Equal(e.Models, a.Models);
            Assert.Equal(e.Evidence, a.Evidence);
            Assert.Equal(e.Timeline, a.Timeline);
        }
    }

    private static void AssertSameFeatures(AccountFeatures expected, AccountFeatures? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.CapabilityMix, actual.CapabilityMix);
        Assert.Equal(expected with { CapabilityMix = [] }, actual with { CapabilityMix = [] });
    }
}
