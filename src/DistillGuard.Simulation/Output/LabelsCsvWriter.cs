using DistillGuard.Csv;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Output;

/// <summary>Writes <c>labels.csv</c> through the one CSV writer (<c>account_id,label,campaign_id,kind</c>), one row per account, sorted by id.</summary>
internal static class LabelsCsvWriter
{
    public const string Header = "account_id,label,campaign_id,kind";

    public static void Write(string path, IEnumerable<SimAccount> accounts)
    {
        using var csv = CsvOutput.Create(File.Create(path));
        csv.Header(Header.Split(','));
        foreach (SimAccount a in accounts.OrderBy(a => a.Id.Value, StringComparer.Ordinal))
        {
            csv.Text(a.Id.Value).Text(a.IsCampaign ? "campaign" : "organic").Text(a.CampaignId).Text(a.Kind).Row();
        }
    }
}
