using System.Text;
using DistillGuard.Csv;

namespace DistillGuard.Sharing.Matching;

/// <summary>Writes matches as CSV: <c>account_id,peer_campaign_id,score,indicators</c> (indicators <c>;</c>-joined).</summary>
public static class MatchesCsv
{
    public const string Header = "account_id,peer_campaign_id,score,indicators";

    public static void Write(string path, IReadOnlyList<AccountMatch> matches) =>
        File.WriteAllText(path, Format(matches), new UTF8Encoding(false));

    /// <summary>
    /// The CSV text, header first, one line per match, LF line ends, through the one CSV writer: account_id,
    /// peer_campaign_id and indicators are text (neutralised against formula injection), score a number.
    /// </summary>
    public static string Format(IReadOnlyList<AccountMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        return CsvOutput.Format(csv =>
        {
            csv.Header(Header.Split(','));
            foreach (var m in matches)
            {
                csv.Text(m.AccountId.Value).Text(m.PeerCampaignId).Number(m.Score, "0.####").Text(string.Join(';', m.Indicators)).Row();
            }
        });
    }
}
