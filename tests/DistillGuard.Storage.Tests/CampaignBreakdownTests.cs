namespace DistillGuard.Storage.Tests;

using System.Globalization;
using DistillGuard.Core.Model;

/// <summary>
/// A run's campaigns are broken down from its stored exchanges all at once: each set of accounts gets exactly what
/// counting its own exchanges gives (days, output tokens, the ten most frequent ASNs and countries, models per day),
/// whatever other sets are asked with it, and nothing of another run.
/// </summary>
public sealed class CampaignBreakdownTests : IDisposable
{
    private readonly TempDir dir = Some.TempDir();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void EachSetGetsTheBreakdownOfItsOwnExchanges()
    {
        var random = new Random(20261207);
        var run = Generate(random, "run", 6_000);
        var other = Generate(random, "other", 2_000);
        var accounts = run.Select(e => e.AccountId).Distinct().Order().ToArray();
        IReadOnlyList<IReadOnlyList<AccountId>> sets =
        [
            accounts[..12],
            accounts[12..13],
            [],
            accounts[5..20], // overlaps the first set
            [new AccountId("acct-without-exchanges"), accounts[30]],
            accounts,
        ];

        using var store = new DuckDbAnalysisStore(dir.File("dg.duckdb"));
        store.BeginRun(Some.Run("other"));
        store.AppendExchanges("other", other);
        store.BeginRun(Some.Run("run"));
        foreach (var batch in run.Chunk(1_000))
        {
            store.AppendExchanges("run", batch);
        }

        var together = store.Breakdowns("run", sets);
        Assert.Equal(sets.Count, together.Count);
        for (var i = 0; i < sets.Count; i++)
        {
            var expected = Expected(run, sets[i]);
            AssertSame(expected, together[i]);
            AssertSame(expected, Assert.Single(store.Breakdowns("run", [sets[i]])));
        }

        Assert.Empty(store.Breakdowns("run", []));
        Assert.All(store.Breakdowns("no-such-run", sets), b => Assert.Empty(b.Timeline));
    }

    private static void AssertSame(CampaignBreakdown expected, CampaignBreakdown actual)
    {
        Assert.Equal(expected.Timeline, actual.Timeline);
        Assert.Equal(expected.Asns, actual.Asns);
        Assert.Equal(expected.Countries, actual.Countries);
        Assert.Equal(expected.ModelDays, actual.ModelDays);
    }

    /// <summary>The breakdown of one set, counted here from the exchanges themselves.</summary>
    private static CampaignBreakdown Expected(IReadOnlyList<StoredExchange> exchanges, IReadOnlyList<AccountId> set)
    {
        var members = set.ToHashSet();
        var mine = exchanges.Where(e => members.Contains(e.AccountId)).ToArray();
        return new CampaignBreakdown(
            [.. mine.GroupBy(e => Day(e.Timestamp)).OrderBy(g => g.Key)
                .Select(g => new DailyCount(g.Key, g.Count(), g.Sum(e => e.OutputTokens)))],
            Top(mine.Where(e => e.Asn is not null).Select(e => e.Asn!.Value.ToString(CultureInfo.InvariantCulture))),
            Top(mine.Where(e => e.Country is not null).Select(e => e.Country!)),
            [.. mine.GroupBy(e => (Day: Day(e.Timestamp), e.Model)).OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
                .Select(g => new ModelDay(g.Key.Day, g.Key.Model, g.Count()))]);
    }

    private static List<NamedCount> Top(IEnumerable<string> names) =>
        [.. names.GroupBy(n => n).Select(g => new NamedCount(g.Key, g.Count()))
            .OrderByDescending(n => n.Exchanges).ThenBy(n => n.Name, StringComparer.Ordinal).Take(10)];

    private static DateOnly Day(DateTimeOffset timestamp) => DateOnly.FromDateTime(timestamp.UtcDateTime);

    /// <summary>Exchanges of 40 accounts over six days, with 15 ASNs, 14 countries and 3 models, some left out.</summary>
    private static StoredExchange[] Generate(Random random, string prefix, int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => Some.Exchange(i, "acct-" + random.Next(40).ToString("D2", CultureInfo.InvariantCulture)) with
        {
            EventId = prefix + "-" + i.ToString(CultureInfo.InvariantCulture),
            // Offsets of several hours, so that a day in UTC differs from the day in the offset's own zone.
            Timestamp = new DateTimeOffset(Some.Start.UtcDateTime.AddMinutes(random.Next(6 * 24 * 60)), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(random.Next(-9, 10))),
            Model = "model-" + "abc"[random.Next(3)],
            OutputTokens = random.Next(1, 5_000),
            Asn = random.Next(8) == 0 ? null : 64_500 + random.Next(15),
            Country = random.Next(8) == 0 ? null : ((char)('A' + random.Next(14))).ToString() + "Z",
        }),
    ];
}
