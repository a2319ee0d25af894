using System.Text.Json;
using System.Text.Json.Nodes;
using DistillGuard.Core.Model;
using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// Rows 3 and 4 of the hardening issue, through the real command line: a cut .jsonl.gz makes analyze exit non-zero with
/// an error naming the file and offset, and the records it kept are counted; formula-leading ids are neutralised in every
/// CSV output and evaluate still matches them to their labels.
/// </summary>
public class InputBreakAndCsvTests
{
    [Fact]
    public async Task ATruncatedGzipExitsNonZeroNamesTheFileAndOffsetAndCountsWhatItKept()
    {
        using var dir = new TempDir();
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "tiny", "--seed", "212", "--out", dir["data"]));
        var whole = await File.ReadAllBytesAsync(Path.Combine(dir["data"], "exchanges.jsonl.gz"));
        var cut = whole.Length / 2;
        Directory.CreateDirectory(dir["in"]);
        var input = Path.Combine(dir["in"], "exchanges.jsonl.gz");
        await File.WriteAllBytesAsync(input, whole[..cut]);

        var (code, errors) = await Cli.RunCapturingErrors("analyze", "--input", dir["in"], "--out", dir["out"]);

        Assert.Equal(3, code);
        Assert.Contains(input, errors, StringComparison.Ordinal);
        Assert.Contains($"compressed offset {cut}", errors, StringComparison.Ordinal);
        Assert.Contains("truncated", errors, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "summary.json")));
        var s = summary.RootElement;
        var (read, accepted) = (s.GetProperty("read").GetInt64(), s.GetProperty("accepted").GetInt64());
        Assert.Equal(read, accepted + s.GetProperty("rejected").GetInt64() + s.GetProperty("duplicates").GetInt64());
        var broken = Assert.Single(s.GetProperty("incomplete_files").EnumerateArray().ToList());
        Assert.Equal(input, broken.GetProperty("file").GetString());
        Assert.Equal("truncated", broken.GetProperty("problem").GetString());
        Assert.Equal(cut, broken.GetProperty("compressed_offset").GetInt64());
        Assert.True(broken.GetProperty("uncompressed_offset").GetInt64() > cut);
        Assert.Equal(read, broken.GetProperty("records_read").GetInt64());
        Assert.Equal(accepted, broken.GetProperty("records_accepted").GetInt64());
        Assert.True(broken.GetProperty("records_kept").GetBoolean());

        // Kept and analysed: about half the log's records, every one of them in the outputs; never taken as the whole file.
        var all = await ExchangeLog.LinesAsync(dir["data"]);
        Assert.InRange(accepted, all.Count / 4, all.Count - 1);
        var exchanges = (await File.ReadAllLinesAsync(Path.Combine(dir["out"], "accounts.csv"))).Skip(1)
            .Sum(l => long.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(accepted, exchanges);
        Assert.Contains("Incomplete input.", await File.ReadAllTextAsync(Path.Combine(dir["out"], "report.html")), StringComparison.Ordinal);

        // A model is never trained on part of a file: train refuses it, naming the file and the offset.
        var (trainCode, trainErrors) = await Cli.RunCapturingErrors("train", "--input", dir["in"], "--labels", Path.Combine(dir["data"], "labels.csv"), "--out", dir["model.json"]);
        Assert.Equal(1, trainCode);
        Assert.Contains(input, trainErrors, StringComparison.Ordinal);
        Assert.Contains($"compressed offset {cut}", trainErrors, StringComparison.Ordinal);
        Assert.False(File.Exists(dir["model.json"]));
    }

    [Fact]
    public async Task FormulaLeadingIdsAreNeutralisedInEveryCsvAndEvaluateStillMatchesThemToTheirLabels()
    {
        using var dir = new TempDir();
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "tiny", "--seed", "213", "--out", dir["data"]));
        var labelsPath = Path.Combine(dir["data"], "labels.csv");
        var labels = LabelsCsv.Read(labelsPath);

        // Give accounts of both labels ids that a spreadsheet would run: every formula character, a quote before one, a HYPERLINK.
        string[] prefixes = ["=HYPERLINK(\"http://x\",\"y\")&", "+", "-", "@", "\t", "\r", "'=", "=cmd|' /C calc'!A0;"];
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (label, i) in labels.Where(l => l.IsCampaign).Take(8).Concat(labels.Where(l => !l.IsCampaign).Take(8)).Select((l, i) => (l, i)))
        {
            renamed[label.AccountId.Value] = prefixes[i % prefixes.Length] + label.AccountId.Value;
        }

        var lines = await ExchangeLog.LinesAsync(dir["data"]);
        var rewritten = lines.Select(line =>
        {
            var record = JsonNode.Parse(line)!.AsObject();
            var id = record["account_id"]!.GetValue<string>();
            if (renamed.TryGetValue(id, out var to))
            {
                record["account_id"] = to;
            }

            return record.ToJsonString();
        });
        Directory.CreateDirectory(dir["formula"]);
        await File.WriteAllLinesAsync(Path.Combine(dir["formula"], "exchanges.jsonl"), rewritten);
        var formulaLabels = Path.Combine(dir["formula"], "labels.csv");
        LabelsCsv.Write(formulaLabels, labels.Select(l => renamed.TryGetValue(l.AccountId.Value, out var to) ? l with { AccountId = new AccountId(to) } : l));

        Assert.Equal(0, await Cli.Run("analyze", "--input", dir["data"], "--out", dir["plain-out"]));
        Assert.Equal(0, await Cli.Run("analyze", "--input", Path.Combine(dir["formula"], "exchanges.jsonl"), "--out", dir["formula-out"]));
        Assert.Equal(0, await Cli.Run("evaluate", "--accounts", Path.Combine(dir["formula-out"], "accounts.csv"), "--labels", formulaLabels));

        // As a spreadsheet reads them, no text field of accounts.csv, account_features.csv or labels.csv starts like a formula.
        foreach (var file in new[] { Path.Combine(dir["formula-out"], "accounts.csv"), Path.Combine(dir["formula-out"], "account_features.csv"), formulaLabels })
        {
            var text = await File.ReadAllTextAsync(file);
            foreach (var to in renamed.Values)
            {
                Assert.Contains("\"'" + to.Replace("\"", "\"\"", StringComparison.Ordinal), text, StringComparison.Ordinal);
            }

            using var csv = CsvHelper.CsvReader.FromFile(file, CsvHelper.CsvReaderOptions.Default with { HasHeader = true });
            while (csv.Read())
            {
                for (var f = 0; f < csv.FieldCount; f++)
                {
                    var field = csv.GetString(f) ?? "";
                    Assert.False(field.Length > 0 && "=+@\t\r".Contains(field[0], StringComparison.Ordinal), $"{Path.GetFileName(file)}: a field starts like a formula: {field}");
                    Assert.False(field.StartsWith('-') && !double.TryParse(field, System.Globalization.CultureInfo.InvariantCulture, out _), $"{Path.GetFileName(file)}: text starts with '-': {field}");
                }
            }
        }

        // evaluate reads every renamed id back as it was and scores the run exactly as the run without them.
        var predicted = AccountsCsv.Read(Path.Combine(dir["formula-out"], "accounts.csv"));
        foreach (var to in renamed.Values)
        {
            Assert.Contains(predicted, p => p.AccountId.Value == to.Trim());
        }

        var withFormulas = Evaluator.Evaluate(predicted, LabelsCsv.Read(formulaLabels));
        var without = Evaluator.Evaluate(AccountsCsv.Read(Path.Combine(dir["plain-out"], "accounts.csv")), labels);
        Assert.Equal(0, withFormulas.UnlabelledPredictions);
        Assert.Equal(labels.Count, withFormulas.TruePositives + withFormulas.FalsePositives + withFormulas.FalseNegatives + withFormulas.TrueNegatives);
        Assert.Equal((without.TruePositives, without.FalsePositives, without.FalseNegatives, without.TrueNegatives),
            (withFormulas.TruePositives, withFormulas.FalsePositives, withFormulas.FalseNegatives, withFormulas.TrueNegatives));
        Assert.Equal(without.Precision, withFormulas.Precision);
        Assert.Equal(without.Recall, withFormulas.Recall);
    }
}
