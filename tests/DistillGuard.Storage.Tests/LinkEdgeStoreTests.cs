namespace DistillGuard.Storage.Tests;

using System.Globalization;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DuckDB.NET.Data;

public sealed class LinkEdgeStoreTests : IDisposable
{
    private readonly TempDir dir = Some.TempDir();

    public void Dispose() => dir.Dispose();

    private static LinkEdge Edge(string from, string to, LinkKind kind, double weight, ulong value, double detail = 0) =>
        new(new AccountId(from), new AccountId(to), kind, weight, 2.15, value, new ValueRarity(15, 1, 2_557), detail);

    private static IReadOnlyList<AccountEdges> Edges() =>
    [
        new(new AccountId("acct-a"), 120,
        [
            Edge("acct-a", "acct-b", LinkKind.Payment, 1.0, 0xF00D_CAFE_0000_0001UL),
            Edge("acct-a", "acct-b", LinkKind.Lockstep, 0.375, 0, detail: 0.81),
            Edge("acct-a", "acct-c", LinkKind.Succession, 0.5, 0, detail: 2.25),
        ]),
        new(new AccountId("acct-b"), 1, [Edge("acct-b", "acct-a", LinkKind.Payment, 1.0, 0xF00D_CAFE_0000_0001UL)]),
    ];

    private static void AssertSame(IReadOnlyList<AccountEdges> expected, IReadOnlyList<AccountEdges> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.Account, e.Partners), (a.Account, a.Partners));
            Assert.Equal(e.Edges, a.Edges);
        }
    }

    [Fact]
    public void EdgesRoundTripWithTheirKindsWeightsKeyedValuesAndRarity()
    {
        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.CompleteRun(Some.Result("r"), []);
            store.AppendLinkEdges("r", Edges());
        }

        using var reopened = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        AssertSame(Edges(), reopened.LoadLinkEdges("r", [new AccountId("acct-a"), new AccountId("acct-b"), new AccountId("nobody")]));
        AssertSame([Edges()[0]], reopened.LoadLinkEdges("r", [new AccountId("acct-a")]));
        Assert.Empty(reopened.LoadLinkEdges("other-run", [new AccountId("acct-a")]));
    }

    [Fact]
    public void EdgesStoredWhileTheRunCompletesAreTheOnesAppendedAloneAndTheRunCompletesAfterTheCallersStep()
    {
        // Enough accounts that every edge writer takes a share.
        IReadOnlyList<AccountEdges> many = [.. Enumerable.Range(0, 9).Select(i => new AccountEdges(
            new AccountId($"acct-{i}"), i + 1, [Edge($"acct-{i}", "acct-x", LinkKind.Payment, 1.0, (ulong)i + 1), Edge($"acct-{i}", "acct-y", LinkKind.Lockstep, 0.375, 0, detail: i)]))];
        var path = dir.File("dg.duckdb");
        var completeDuringStep = -1L;
        using (var store = new DuckDbAnalysisStore(path))
        {
            store.CompleteRun(Some.Result("r"), [], many, () =>
            {
                using var probe = new DuckDBConnection("Data Source=" + path);
                probe.Open();
                using var command = probe.CreateCommand();
                command.CommandText = "SELECT count(*) FROM runs WHERE status = 'complete'";
                completeDuringStep = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            });
            Assert.NotNull(store.LoadRun("r"));
        }

        Assert.Equal(0, completeDuringStep);
        using var reopened = new DuckDbAnalysisStore(path);
        AssertSame(many, reopened.LoadLinkEdges("r", [.. many.Select(a => a.Account)]));
        // Some of a run's accounts (named twice or in any order, with one the run does not know): theirs only, once each.
        AssertSame([many[2], many[5], many[7]], reopened.LoadLinkEdges("r", [many[7].Account, many[2].Account, new AccountId("nobody"), many[5].Account, many[2].Account]));
        Assert.Empty(reopened.LoadLinkEdges("r", []));
    }

    [Fact]
    public void AFailingStepLeavesTheRunIncompleteAndIsThrownAsItIs()
    {
        using var store = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        var failure = new IOException("disk full");
        Assert.Same(failure, Assert.Throws<IOException>(() => store.CompleteRun(Some.Result("r"), [], Edges(), () => throw failure)));
        Assert.Null(store.LoadRun("r"));
        store.CompleteRun(Some.Result("r2"), []);
        Assert.NotNull(store.LoadRun("r2"));
    }

    [Fact]
    public void AVersionOneFileIsMigratedInPlaceAndKeepsItsRuns()
    {
        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.CompleteRun(Some.Result("old"), []);
        }

        using (var connection = OpenRaw())
        {
            // What a version-1 build left: no edge table, and no options column on runs.
            Execute(connection, "DROP TABLE link_edges");
            Execute(connection, "ALTER TABLE runs DROP COLUMN detection_options");
            Execute(connection, "UPDATE schema_version SET version = 1");
        }

        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            Assert.NotNull(store.LoadRun("old"));
            Assert.Empty(store.LoadLinkEdges("old", [new AccountId("acct-a")]));
            store.CompleteRun(Some.Result("new"), []);
            store.AppendLinkEdges("new", Edges());
            AssertSame(Edges(), store.LoadLinkEdges("new", [new AccountId("acct-a"), new AccountId("acct-b")]));
        }

        using var raw = OpenRaw();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT max(version) || '/' || count(*) FROM schema_version";
        Assert.Equal("3/1", Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AVersionTwoFileGainsTheRunsOptionsColumnAndStoresEachNewRunsOptions()
    {
        using (var store = new DuckDbAnalysisStore(dir.File("dg.duckdb")))
        {
            store.CompleteRun(Some.Result("old"), []);
        }

        using (var connection = OpenRaw())
        {
            Execute(connection, "ALTER TABLE runs DROP COLUMN detection_options");
            Execute(connection, "UPDATE schema_version SET version = 2");
        }

        using var reopened = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        var next = Some.Result("new");
        reopened.BeginRun(next.Run with { DetectionOptions = "{\"scoring\": {}}" });
        reopened.CompleteRun(next, []);

        var runs = reopened.ListRuns();
        Assert.Null(runs.Single(r => r.Run.RunId == "old").Run.DetectionOptions);
        Assert.Equal("{\"scoring\": {}}", runs.Single(r => r.Run.RunId == "new").Run.DetectionOptions);
    }

    private DuckDBConnection OpenRaw() => RawDb.Open(dir.File("dg.duckdb"));

    private static void Execute(DuckDBConnection connection, string sql) => RawDb.Execute(connection, sql);
}
