using CsCheck;
using DistillGuard.Taxii.Protocol;
using DistillGuard.Taxii.Storage;

namespace DistillGuard.Taxii.Tests;

/// <summary>The DuckDB object store: versions kept once, paging complete and stable, order kept across reopening.</summary>
public sealed class TaxiiObjectStoreTests
{
    [Fact]
    public void PagingReturnsEveryObjectOnceInArrivalOrderForAnyBatchesTiesAndPageSize() =>
        Gen.Select(Gen.Int[1, 30].List[1, 8], Gen.Bool.List[8], Gen.Int[1, 20])
            .Sample((batches, advance, limit) =>
            {
                var clock = new ManualClock(Some.Start);
                using var store = new TaxiiObjectStore(":memory:", clock);
                var n = 0;
                for (var b = 0; b < batches.Count; b++)
                {
                    store.Add(Some.Campaigns, Enumerable.Range(n, batches[b]).Select(Valid).ToArray());
                    n += batches[b];
                    if (advance[b])
                    {
                        clock.Advance(TimeSpan.FromMilliseconds(1));
                    }
                }

                return ReadAll(store, limit).SequenceEqual(Enumerable.Range(0, n).Select(Some.IndicatorId));
            }, iter: 40);

    [Fact]
    public void TheSameIdAndVersionIsStoredOnceAndAnotherVersionBeside()
    {
        using var store = new TaxiiObjectStore(":memory:", new ManualClock(Some.Start));
        Assert.Equal([true, false], store.Add(Some.Campaigns, [Valid(1), Valid(1)]));
        Assert.Equal([false], store.Add(Some.Campaigns, [Valid(1)]));
        Assert.Equal([true], store.Add(Some.Campaigns, [Valid(1, Some.Start.AddDays(1))]));
        Assert.Equal([true], store.Add(Some.Other, [Valid(1)]));

        var all = store.Find(Query(Some.Campaigns, 10) with { Versions = VersionSelection.All });
        Assert.Equal([Some.Start, Some.Start.AddDays(1)], all.Objects.Select(o => o.Version));
    }

    [Fact]
    public void AReopenedStoreKeepsItsObjectsAndItsOrder()
    {
        var path = Path.Combine(Path.GetTempPath(), "dg-taxii-store-" + Guid.NewGuid().ToString("N")[..8] + ".duckdb");
        try
        {
            using (var store = new TaxiiObjectStore(path, new ManualClock(Some.Start)))
            {
                store.Add(Some.Campaigns, Enumerable.Range(0, 5).Select(Valid).ToArray());
            }

            using (var reopened = new TaxiiObjectStore(path, new ManualClock(Some.Start)))
            {
                reopened.Add(Some.Campaigns, Enumerable.Range(5, 5).Select(Valid).ToArray());
                Assert.Equal(Enumerable.Range(0, 10).Select(Some.IndicatorId), ReadAll(reopened, 3));
            }
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".wal");
        }
    }

    private static ValidStixObject Valid(int n) => Valid(n, Some.Start);

    private static ValidStixObject Valid(int n, DateTimeOffset modified) =>
        new(Some.IndicatorId(n), "indicator", modified, Some.Indicator(n, modified));

    private static ObjectQuery Query(string collection, int limit) =>
        new(collection, null, [], [], VersionSelection.Last, limit, null);

    private static List<string> ReadAll(TaxiiObjectStore store, int limit)
    {
        var ids = new List<string>();
        PageCursor? cursor = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = store.Find(Query(Some.Campaigns, limit) with { After = cursor });
            ids.AddRange(page.Objects.Select(o => o.Id));
            if (!page.More)
            {
                return ids;
            }

            cursor = page.Next;
        }

        throw new InvalidOperationException("more than 1000 pages");
    }
}
