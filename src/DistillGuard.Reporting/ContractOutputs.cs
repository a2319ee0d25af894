namespace DistillGuard.Reporting;

using System.Text.Json;
using DistillGuard.Csv;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;

/// <summary>
/// The files of the analysis-output contract (accounts.csv, campaigns.json, summary.json).
/// Outside tools parse these: names, order and number formats are part of the contract.
/// </summary>
public static class ContractOutputs
{
    public const string AccountsHeader = "account_id,risk_score,verdict,campaign_id,exchanges,reasons";

    /// <summary>How many reasons an accounts.csv row carries, strongest |contribution| first.</summary>
    public const int ReasonsPerAccount = 5;

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true };

    /// <summary>
    /// Writes accounts.csv through the one CSV writer: UTF-8 without BOM, LF line ends, RFC 4180 quoting. The text
    /// columns (account_id, verdict, campaign_id, reasons) are neutralised against formula injection
    /// (<see cref="SpreadsheetText"/>); risk_score and exchanges are numbers and written as they are.
    /// </summary>
    public static void WriteAccountsCsv(string path, IReadOnlyList<AccountVerdict> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        OutputFile.Write(path, stream =>
        {
            using var csv = CsvOutput.Create(stream, leaveOpen: true);
            csv.Header(AccountsColumns);
            foreach (var account in accounts)
            {
                WriteAccount(csv, account);
            }
        });
    }

    /// <summary>One accounts.csv row, without its line end.</summary>
    public static string AccountRow(AccountVerdict account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return CsvOutput.Format(csv => WriteAccount(csv, account)).TrimEnd('\n');
    }

    private static readonly string[] AccountsColumns = AccountsHeader.Split(',');

    private static void WriteAccount(CsvOutput csv, AccountVerdict account) =>
        csv.Text(account.AccountId.Value)
            .Number(account.RiskScore, "F4")
            .Text(account.Verdict.ToContract())
            .Text(account.CampaignId?.Value)
            .Number(account.Exchanges)
            .Text(ReasonsText(account.Reasons))
            .Row();

    /// <summary>The evidence of the strongest reasons, joined by "; " with the separator stripped from each.</summary>
    public static string ReasonsText(IReadOnlyList<Reason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        // The strongest signals, then any note of evidence the log lacked (it moves no score, so it would never rank).
        var strongest = reasons
            .Where(r => r.Signal != SignalNames.MissingEvidence)
            .Select((reason, index) => (reason, index))
            .OrderByDescending(r => Math.Abs(r.reason.Contribution))
            .ThenBy(r => r.index)
            .Take(ReasonsPerAccount)
            .Select(r => r.reason)
            .Concat(reasons.Where(r => r.Signal == SignalNames.MissingEvidence))
            .Select(r => Csv.StripSeparators(r.Evidence))
            .Where(text => text.Length > 0);
        return string.Join("; ", strongest);
    }

    public static void WriteCampaignsJson(string path, IReadOnlyList<CampaignSummary> campaigns)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        OutputFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, JsonOptions);
            json.WriteStartArray();
            foreach (var campaign in campaigns)
            {
                CampaignJson.Write(json, campaign);
            }

            json.WriteEndArray();
        });
    }

    /// <summary>Writes a text output (UTF-8, no BOM) beside its final name and moves it into place, as every output is.</summary>
    public static void WriteText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        OutputFile.Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    public static void WriteSummaryJson(string path, RunInfo run, int accounts, int flaggedAccounts, int campaigns)
    {
        ArgumentNullException.ThrowIfNull(run);
        OutputFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream, JsonOptions);
            json.WriteStartObject();
            json.WriteNumber("read", run.Counts.Read);
            json.WriteNumber("accepted", run.Counts.Accepted);
            json.WriteNumber("rejected", run.Counts.Rejected);
            json.WriteNumber("duplicates", run.Counts.Duplicates);
            json.WriteNumber("accounts", accounts);
            json.WriteNumber("flagged_accounts", flaggedAccounts);
            json.WriteNumber("campaigns", campaigns);
            json.WriteNumber("wall_time_seconds", Math.Round(run.WallTime.TotalSeconds, 3));
            json.WriteString("run_id", run.RunId);
            json.WriteString("input", run.Input);
            json.WriteString("started_at", CampaignJson.Rfc3339(run.StartedAt));
            json.WriteString("model_version", run.ModelVersion);
            if (run.IncompleteInputs.Count > 0)
            {
                // Present only when an input file broke part-way: the records before each break are in the counts above.
                json.WriteStartArray("incomplete_files");
                foreach (var f in run.IncompleteInputs)
                {
                    json.WriteStartObject();
                    json.WriteString("file", f.File);
                    json.WriteString("problem", f.Problem);
                    json.WriteNumber("compressed_offset", f.CompressedOffset);
                    if (f.UncompressedOffset is { } u)
                    {
                        json.WriteNumber("uncompressed_offset", u);
                    }

                    json.WriteNumber("records_read", f.RecordsRead);
                    json.WriteNumber("records_accepted", f.RecordsAccepted);
                    json.WriteBoolean("records_kept", true);
                    json.WriteString("detail", f.Detail);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        });
    }
}
