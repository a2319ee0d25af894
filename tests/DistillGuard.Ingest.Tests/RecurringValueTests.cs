using System.Text;
using DistillGuard.Ingest.Formats;
using DistillGuard.Ingest.Tests.Support;

namespace DistillGuard.Ingest.Tests;

/// <summary>
/// Values that recur from record to record are made into one string per distinct value, and date-times are read from
/// their bytes: neither may change what a record holds.
/// </summary>
public class RecurringValueTests
{
    [Fact]
    public void TheSameBytesGiveTheSameInstanceAndOtherBytesTheirOwnText()
    {
        var cache = new Utf8StringCache();
        var first = cache.Get("acct_1fec2e34da62"u8);
        Assert.Same(first, cache.Get("acct_1fec2e34da62"u8));
        Assert.Equal("acct_1fec2e34da63", cache.Get("acct_1fec2e34da63"u8));

        // Far more distinct values than entries: every one still comes back as its own text, evicted or not.
        for (var i = 0; i < Utf8StringCache.Entries * 3; i++)
        {
            var text = i % 2 == 0 ? $"value-{i}" : $"value-{i}-é";
            Assert.Equal(text, cache.Get(Encoding.UTF8.GetBytes(text)));
        }

        // An ASCII value is held as its string alone; it still comes back as the one instance while it stays in its slot.
        var ascii = cache.Get("pf_d6e6be9761326be9342ea663"u8);
        Assert.Same(ascii, cache.Get("pf_d6e6be9761326be9342ea663"u8));
        Assert.NotSame(ascii, cache.Get("pf_d6e6be9761326be9342ea664"u8));

        var longValue = new string('x', Utf8StringCache.MaxBytes + 1);
        Assert.Equal(longValue, cache.Get(Encoding.UTF8.GetBytes(longValue)));
        Assert.Equal(string.Empty, cache.Get([]));
    }

    [Fact]
    public async Task RecurringValuesAndDateTimesReadAsTheyAreWrittenWithOrWithoutEscapes()
    {
        using var dir = new TempDir();
        var lines = new[]
        {
            """{"event_id":"e1","timestamp":"2025-03-01T12:00:00.1234567+02:00","account_id":"acct-ü","model":"m","prompt":"p","input_tokens":1,"output_tokens":2,"account_created_at":"2024-01-01T00:00:00Z","user_agent":"ua/1"}""",
            """{"event_id":"e2","timestamp":"\u0032025-03-01T12:00:01Z","account_id":"acct-\u00fc","model":"m","prompt":"p","input_tokens":1,"output_tokens":2,"user_agent":"ua\/1"}""",
            """{"event_id":"e3","timestamp":"2025-03-01T12:00:02Z","account_id":"acct-ü","model":"m","prompt":"p","input_tokens":1,"output_tokens":2,"account_created_at":"2024-01-01 00:00:00Z"}""",
        };
        var run = await IngestRun.Of(dir.File("a.jsonl", string.Join("\n", lines) + "\n"));
        Assert.Equal(3, run.Accepted.Count);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), run.Accepted[0].Timestamp);
        Assert.Equal(TimeSpan.Zero, run.Accepted[0].Timestamp.Offset);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 1, TimeSpan.Zero), run.Accepted[1].Timestamp);
        Assert.All(run.Accepted, e => Assert.Equal("acct-ü", e.AccountId.Value));
        Assert.Equal("ua/1", run.Accepted[0].UserAgent);
        Assert.Equal("ua/1", run.Accepted[1].UserAgent);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), run.Accepted[2].AccountCreatedAt);
    }
}
