using System.Globalization;
using System.Text;

namespace DistillGuard.Sharing.Matching;

/// <summary>Writes matches as CSV: <c>account_id,peer_campaign_id,score,indicators</c> (indicators <c>;</c>-joined).</summary>
public static class MatchesCsv
{
    public const string Header = "account_id,peer_campaign_id,score,indicators";

    public static void Write(string path, IReadOnlyList<AccountMatch> matches) =>
        File.WriteAllText(path, Format(matches), new UTF8Encoding(false));

    /// <summary>The CSV text, header first, one line per match, LF line ends.</summary>
    public static string Format(IReadOnlyList<AccountMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var m in matches)
        {
            text.Append(Field(m.AccountId.Value)).Append(',')
                .Append(Field(m.PeerCampaignId)).Append(',')
                .Append(m.Score.ToString("0.####", CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(string.Join(';', m.Indicators))).Append('\n');
        }

        return text.ToString();
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
