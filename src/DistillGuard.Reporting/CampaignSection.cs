namespace DistillGuard.Reporting;

using System.Text;
using DistillGuard.Core.Model;

/// <summary>One campaign of report.html: its size, window, tokens, models, evidence and charts.</summary>
internal static class CampaignSection
{
    private const int AccountsListed = 100;

    public static void Write(StringBuilder page, CampaignSummary c, int number)
    {
        page.Append("<section class=\"campaign\" id=\"campaign-").Append(number).Append("\">\n<h3>Campaign ")
            .Append(Html.E(c.CampaignId.Value)).Append("</h3>\n<table>\n<tbody>\n");
        Row(page, "Accounts", Html.Count(c.Accounts.Count));
        Row(page, "Exchanges", Html.Count(c.Exchanges));
        Row(page, "First seen", Html.E(Html.Instant(c.FirstSeen)));
        Row(page, "Last seen", Html.E(Html.Instant(c.LastSeen)));
        Row(page, "Input tokens", Html.Count(c.InputTokens));
        Row(page, "Output tokens", Html.Count(c.OutputTokens));
        Row(page, "Reasoning tokens", Html.Count(c.ReasoningTokens));
        Row(page, "Models", c.Models.Count == 0 ? "—" : string.Join(", ", c.Models.Select(m => "<code>" + Html.E(m) + "</code>")));
        Row(page, "Estimated API value", Html.E(c.EstimatedApiValueUsd.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)) + " USD at the run's list prices");
        Row(page, "Model shifts", c.ModelShifts.Count == 0 ? "—" : string.Join("; ", c.ModelShifts.Select(m =>
            Html.E(m.Day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)) + ": <code>" + Html.E(m.FromModel) + "</code> → <code>" + Html.E(m.ToModel) + "</code>")));
        Row(page, "Networks (ASN)", Counts(c.Asns, c.Exchanges));
        Row(page, "Countries", Counts(c.Countries, c.Exchanges));
        Row(page, "Capability mix", string.Join(", ", c.CapabilityMix
            .Where(kv => kv.Value > 0)
            .OrderByDescending(kv => kv.Value)
            .Select(kv => Html.E(Html.CapabilityName(kv.Key)) + " " + Html.Percent(kv.Value))));
        page.Append("</tbody>\n</table>\n");

        page.Append("<h4>Evidence</h4>\n");
        page.Append(c.Evidence.Count == 0
            ? "<p class=\"empty\">No evidence recorded.</p>\n"
            : "<ul class=\"evidence\">" + string.Concat(c.Evidence.Select(e => "<li>" + Html.E(e) + "</li>")) + "</ul>\n");

        page.Append("<h4>Exchanges per day</h4>\n")
            .Append(SvgCharts.DailyBars(c.Timeline, "Exchanges per day of campaign " + c.CampaignId.Value)).Append('\n')
            .Append("<h4>Capability mix</h4>\n")
            .Append(SvgCharts.CapabilityBars(c.CapabilityMix, "Capability mix of campaign " + c.CampaignId.Value)).Append('\n')
            .Append("<h4>Account graph</h4>\n<p class=\"note\">Each account's strongest shared-attribute link; hollow dots share no attribute and were pulled in on behaviour.</p>\n")
            .Append(SvgGraph.Render(c));

        var listed = c.Accounts.Take(AccountsListed).Select(a => "<code>" + Html.E(a.Value) + "</code>");
        page.Append("<h4>Accounts</h4>\n<p>").Append(string.Join(", ", listed));
        if (c.Accounts.Count > AccountsListed)
        {
            page.Append(" … and ").Append(Html.Count(c.Accounts.Count - AccountsListed)).Append(" more (see campaigns.json)");
        }

        page.Append("</p>\n</section>\n");
    }

    private static string Counts(IReadOnlyList<NamedCount> values, long total) =>
        values.Count == 0 ? "—" : string.Join(", ", values.Take(5).Select(v =>
            Html.E(v.Name) + " (" + Html.E((v.Exchanges / (double)Math.Max(1, total)).ToString("P0", System.Globalization.CultureInfo.InvariantCulture)) + ")"));

    private static void Row(StringBuilder page, string term, string safeHtml) =>
        page.Append("<tr><th>").Append(term).Append("</th><td>").Append(safeHtml).Append("</td></tr>\n");
}
