using System.Text;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Output;

/// <summary>Writes <c>labels.csv</c> (<c>account_id,label,campaign_id,kind</c>), one row per account, sorted by id.</summary>
internal static class LabelsCsvWriter
{
    public const string Header = "account_id,label,campaign_id,kind";

    public static void Write(string path, IEnumerable<SimAccount> accounts)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (SimAccount a in accounts.OrderBy(a => a.Id.Value, StringComparer.Ordinal))
        {
            sb.Append(a.Id.Value).Append(',')
              .Append(a.IsCampaign ? "campaign" : "organic").Append(',')
              .Append(a.CampaignId).Append(',')
              .Append(a.Kind).Append('\n');
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
