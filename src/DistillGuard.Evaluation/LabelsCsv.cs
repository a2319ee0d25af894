using DistillGuard.Csv;
using DistillGuard.Core.Model;

namespace DistillGuard.Evaluation;

/// <summary>Reads and writes <c>labels.csv</c>: <c>account_id,label,campaign_id[,kind]</c>.</summary>
public static class LabelsCsv
{
    public static IReadOnlyList<AccountLabel> Read(string path)
    {
        using var csv = CsvFile.Open(path);
        var id = CsvFile.Column(csv, path, "account_id");
        var label = CsvFile.Column(csv, path, "label");
        var campaign = CsvFile.Column(csv, path, "campaign_id");
        var kind = csv.TryGetFieldIndex("kind", out var k) ? k : -1;
        var labels = new List<AccountLabel>();
        while (CsvFile.Next(csv, path))
        {
            var line = csv.LineNumber;
            CsvFile.CheckShape(csv, path);
            var account = CsvFile.Id(csv.GetString(id));
            if (string.IsNullOrEmpty(account))
            {
                throw new EvaluationInputException(path, line, "empty account_id");
            }

            var isCampaign = (csv.GetString(label)?.Trim()) switch
            {
                "campaign" => true,
                "organic" => false,
                var other => throw new EvaluationInputException(path, line, $"label must be 'organic' or 'campaign', not '{other}'"),
            };
            var campaignId = NullIfEmpty(CsvFile.Id(csv.GetString(campaign)));
            if (isCampaign && campaignId is null)
            {
                throw new EvaluationInputException(path, line, "a campaign account needs a campaign_id");
            }

            labels.Add(new AccountLabel(new AccountId(account), isCampaign, isCampaign ? campaignId : null, kind >= 0 ? NullIfEmpty(csv.GetString(kind)) : null));
        }

        return labels;
    }

    public static void Write(string path, IEnumerable<AccountLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var csv = CsvOutput.Create(File.Create(path));
        csv.Header("account_id", "label", "campaign_id", "kind");
        foreach (var l in labels)
        {
            csv.Text(l.AccountId.Value).Text(l.IsCampaign ? "campaign" : "organic").Text(l.CampaignId).Text(l.Kind).Row();
        }
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
