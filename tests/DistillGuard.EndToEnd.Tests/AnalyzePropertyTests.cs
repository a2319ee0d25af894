using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// The hardening issue's property: records dated anywhere from 0001-01-01 to 9999-12-31, mixed with random corruptions of
/// valid lines, never make `analyze` fail with an unexpected error, and read = accepted + rejected + duplicates still holds
/// (read being exactly the non-blank lines written). Each sample runs the real command line in-process.
/// </summary>
public class AnalyzePropertyTests
{
    private static readonly long MinTicks = DateTime.MinValue.Ticks;
    private static readonly long MaxTicks = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc).Ticks;

    // Half anywhere in the calendar, half in the plausible window (so that some records are accepted and analysed).
    private static readonly Gen<DateTime> Instant = Gen.Frequency(
        (1, Gen.Long[MinTicks, MaxTicks].Select(t => new DateTime(t, DateTimeKind.Utc))),
        (1, Gen.Long[new DateTime(2024, 1, 1).Ticks, new DateTime(2026, 1, 1).Ticks].Select(t => new DateTime(t, DateTimeKind.Utc))),
        (1, Gen.Int[0, 3].Select(i => new[] { DateTime.MinValue, new DateTime(MaxTicks, DateTimeKind.Utc), new DateTime(1999, 12, 31, 23, 59, 59), new DateTime(2000, 1, 1) }[i])));

    private static readonly Gen<(DateTime At, DateTime CreatedAt, int Account, int Tokens, string Offset)> RecordGen =
        Gen.Select(Instant, Instant, Gen.Int[0, 5], Gen.Int[0, 5000], Gen.Int[0, 4].Select(i => new[] { "Z", "+00:00", "+14:00", "-12:00", ".9999999Z" }[i]));

    private static readonly Gen<(int Kind, int Position, byte Value)[]> Mutations =
        ByteMutations.One.Array[0, 4];

    private static string Stamp(DateTime t, string offset) =>
        t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + offset;

    private static byte[] Line(int i, (DateTime At, DateTime CreatedAt, int Account, int Tokens, string Offset) r) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["event_id"] = $"p-{i}",
            ["timestamp"] = Stamp(r.At, r.Offset),
            ["account_created_at"] = Stamp(r.CreatedAt, "Z"),
            ["account_id"] = $"acct-{r.Account}",
            ["model"] = "model-large",
            ["prompt"] = $"Solve problem {i} step by step, showing your reasoning.",
            ["input_tokens"] = r.Tokens,
            ["output_tokens"] = r.Tokens * 3,
            ["conversation_id"] = $"c-{r.Account}-{i % 3}",
            ["turn_index"] = i % 4,
        }.ToJsonString());

    private static int NonBlankLines(byte[] content) =>
        Encoding.Latin1.GetString(content).Split('\n').Count(l => l.TrimStart(' ', '\t', '\r').Length > 0);

    [Fact]
    public async Task RecordsDatedAnywhereAndCorruptLinesNeverFailAnalyzeAndTheCountHolds()
    {
        var gen = Gen.Select(RecordGen, Gen.Frequency((3, Gen.Const(Array.Empty<(int, int, byte)>())), (1, Mutations))).Array[1, 40];
        var samples = 0;
        long accepted = 0;
        await gen.SampleAsync(async records =>
        {
            using var dir = new TempDir();
            var content = new List<byte>();
            foreach (var ((record, mutations), i) in records.Select((r, i) => (r, i)))
            {
                content.AddRange(ByteMutations.Apply(Line(i, record), mutations));
                content.Add((byte)'\n');
            }

            var bytes = content.ToArray();
            await File.WriteAllBytesAsync(dir["log.jsonl"], bytes);
            var (code, errors) = await Cli.RunCapturingErrors("analyze", "--input", dir["log.jsonl"], "--out", dir["out"], "--key-file", dir["k.key"]);
            Assert.True(code == 0, $"analyze exited {code}: {errors}");
            using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "summary.json")));
            var s = summary.RootElement;
            var read = s.GetProperty("read").GetInt64();
            Assert.Equal(NonBlankLines(bytes), read);
            Assert.Equal(read, s.GetProperty("accepted").GetInt64() + s.GetProperty("rejected").GetInt64() + s.GetProperty("duplicates").GetInt64());
            Assert.Equal(s.GetProperty("rejected").GetInt64(), (await File.ReadAllLinesAsync(Path.Combine(dir["out"], "rejects.jsonl"))).Length);
            Assert.True(new FileInfo(Path.Combine(dir["out"], "report.html")).Length < 5_000_000);
            Interlocked.Increment(ref samples);
            Interlocked.Add(ref accepted, s.GetProperty("accepted").GetInt64());
        }, iter: 100, threads: 1);
        Assert.Equal(100, samples);
        Assert.True(accepted > 0, "some records were accepted and analysed");
    }
}
