using System.Text;
using CsCheck;
using DistillGuard.Ingest.Tests.Support;

namespace DistillGuard.Ingest.Tests;

public class MutationPropertyTests
{
    private static readonly byte[][] ValidLines = Enumerable.Range(0, 4)
        .Select(i => Encoding.UTF8.GetBytes(Some.Line(Some.Record("m" + i).With("prompt", "naïve ✓ prompt " + i))))
        .ToArray();

    [Fact]
    public async Task RandomByteMutationsNeverEscapeAndCountsAddUp()
    {
        var gen = Gen.Select(Gen.Int[0, ValidLines.Length - 1], ByteMutations.One.Array[0, 6]).Array[1, 12];
        await gen.SampleAsync(async lines =>
        {
            using var dir = new TempDir();
            var content = new List<byte>();
            foreach (var (which, mutations) in lines)
            {
                content.AddRange(ByteMutations.Apply(ValidLines[which], mutations));
                content.Add((byte)'\n');
            }

            var bytes = content.ToArray();
            var expectedRead = CountNonBlankLines(bytes);
            var run = await IngestRun.Of(dir.File("m.jsonl", bytes));
            var c = run.Counts;
            return c.Read == c.Accepted + c.Rejected + c.Duplicates
                && c.Read == expectedRead
                && run.Rejects.Count == c.Rejected
                && run.Accepted.Count == c.Accepted;
        }, iter: 300);
    }

    // Mirrors the contract: a line of only spaces, tabs and CR is blank; a mutation may add '\n' and split a line.
    private static int CountNonBlankLines(byte[] bytes)
    {
        var count = 0;
        foreach (var line in SplitLines(bytes))
        {
            var trimmed = line.AsSpan().TrimStart(" \t\r"u8);
            if (count == 0 && line.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                trimmed = line.AsSpan(3).TrimStart(" \t\r"u8);
            }

            if (!trimmed.IsEmpty)
            {
                count++;
            }
        }

        return count;
    }

    private static IEnumerable<byte[]> SplitLines(byte[] bytes)
    {
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                yield return bytes[start..i];
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            yield return bytes[start..];
        }
    }
}
