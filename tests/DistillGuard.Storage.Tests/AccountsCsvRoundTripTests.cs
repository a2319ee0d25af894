namespace DistillGuard.Storage.Tests;

using System.Text;
using CsCheck;
using DistillGuard.Core.Model;
using DistillGuard.Csv;
using DistillGuard.Reporting;

public sealed class AccountsCsvRoundTripTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["ab,\"\r\n; <>&'x=+-@\t"], 0, 12];

    /// <summary>
    /// Any id survives an RFC 4180 parse of its row once the formula neutralisation is undone (the rule evaluate applies),
    /// and no text field of the row, as a spreadsheet reads it, starts like a formula.
    /// </summary>
    [Fact]
    public void AnyAccountIdAndCampaignIdSurviveAnRfc4180ParseOfTheRow()
    {
        Gen.Select(Text, Text, Text).Sample((account, campaign, evidence) =>
        {
            var verdict = Some.Verdict(account, 0.5, Verdict.Distillation, campaign, Some.Reason("s", 1, evidence));

            var fields = ParseRecord(ContractOutputs.AccountRow(verdict));

            Assert.Equal(6, fields.Count);
            Assert.Equal(account, SpreadsheetText.Restore(fields[0]));
            Assert.Equal(campaign, SpreadsheetText.Restore(fields[3]));
            Assert.All([fields[0], fields[2], fields[3], fields[5]], f => Assert.False(f.Length > 0 && SpreadsheetText.FormulaStarts.Contains(f[0], StringComparison.Ordinal), $"field starts like a formula: {f}"));
            Assert.DoesNotContain(';', fields[5]);
            Assert.DoesNotContain('\n', fields[5]);
        });
    }

    /// <summary>A strict RFC 4180 parser of one record, independent of the writer under test.</summary>
    private static List<string> ParseRecord(string row)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < row.Length; i++)
        {
            var c = row[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < row.Length && row[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                Assert.False(c is '\r' or '\n' or '"', "unquoted field holds a special character");
                field.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        fields.Add(field.ToString());
        return fields;
    }
}
