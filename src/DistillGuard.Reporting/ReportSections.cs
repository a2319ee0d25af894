namespace DistillGuard.Reporting;

using System.Text;
using DistillGuard.Core.Model;

/// <summary>The sections of report.html. Input-derived text goes through <see cref="Html.E"/> at each use.</summary>
internal static class ReportSections
{
    private const int HeadlineCapabilities = 3;
    private const int ReasonsPerAccount = 3;

    public static void Headline(StringBuilder page, AnalysisResult result, ReportFacts facts)
    {
        if (result.Campaigns.Count == 0 || facts.FirstSeen is null || facts.LastSeen is null)
        {
            page.Append("<p class=\"headline none\">No distillation campaign was found in this run (")
                .Append(Html.Count(result.Accounts.Count)).Append(" accounts analysed, ")
                .Append(Html.Count(facts.Flagged.Count)).Append(" flagged individually).</p>\n");
            return;
        }

        var targets = facts.TopCapabilities(HeadlineCapabilities)
            .Select(t => Html.E(Html.CapabilityName(t.Capability)) + " (" + Html.Percent(t.Share) + ")")
            .ToList();
        page.Append("<p class=\"headline\"><strong>")
            .Append(Html.Count(facts.CampaignAccounts)).Append(facts.CampaignAccounts == 1 ? " account" : " accounts")
            .Append(", ").Append(Html.Count(facts.CampaignExchanges)).Append(" exchanges between ")
            .Append(Html.E(Html.LongDate(facts.FirstSeen.Value))).Append(" and ").Append(Html.E(Html.LongDate(facts.LastSeen.Value)))
            .Append(targets.Count == 0 ? string.Empty : ", targeting " + JoinWords(targets))
            .Append("</strong>, in ").Append(Html.Count(result.Campaigns.Count))
            .Append(result.Campaigns.Count == 1 ? " distillation campaign." : " distillation campaigns.").Append("</p>\n");
    }

    public static void RunFacts(StringBuilder page, AnalysisResult result, ReportFacts facts)
    {
        var run = result.Run;
        page.Append("<h2>Run</h2>\n<dl class=\"facts\">\n");
        Fact(page, "Run id", Html.E(run.RunId));
        Fact(page, "Input", "<code>" + Html.E(run.Input) + "</code>");
        Fact(page, "Started", Html.E(Html.Instant(run.StartedAt)));
        Fact(page, "Wall time", Html.E(Html.Duration(run.WallTime)));
        Fact(page, "Records read", Html.Count(run.Counts.Read));
        Fact(page, "Accepted", Html.Count(run.Counts.Accepted));
        Fact(page, "Rejected", Html.Count(run.Counts.Rejected));
        Fact(page, "Duplicates", Html.Count(run.Counts.Duplicates));
        Fact(page, "Accounts", Html.Count(result.Accounts.Count));
        Fact(page, "Flagged (distillation)", Html.Count(facts.Flagged.Count));
        Fact(page, "Campaigns", Html.Count(result.Campaigns.Count));
        Fact(page, "Model version", Html.E(run.ModelVersion));
        page.Append("</dl>\n");
        foreach (var incomplete in run.IncompleteInputs)
        {
            // A cut or corrupt input file: the report covers only the records before the break, and says so.
            page.Append("<p class=\"warning\"><strong>Incomplete input.</strong> ").Append(Html.E(incomplete.Describe())).Append(".</p>\n");
        }
    }

    public static void Overview(StringBuilder page, ReportFacts facts)
    {
        page.Append("<h2>Overview</h2>\n<h3>Flagged exchanges per day</h3>\n")
            .Append("<p class=\"muted\">Exchanges of accounts linked into distillation campaigns, per UTC day.</p>\n")
            .Append(SvgCharts.DailyBars(facts.CampaignTimeline, "Flagged exchanges per day")).Append('\n');
        var mix = facts.FlaggedMix.Count > 0 ? facts.FlaggedMix : facts.CampaignMix;
        page.Append("<h3>What the flagged accounts asked for</h3>\n")
            .Append("<p class=\"muted\">Share of exchanges by capability, weighted by exchanges; ")
            .Append("capabilities that distillation targets are in red.</p>\n")
            .Append(mix.Count > 0 ? SvgCharts.CapabilityBars(mix, "Capability mix of flagged accounts") : "<p class=\"empty\">No flagged account.</p>")
            .Append('\n');
    }

    public static void Campaigns(StringBuilder page, IReadOnlyList<CampaignSummary> campaigns)
    {
        page.Append("<h2>Campaigns</h2>\n");
        if (campaigns.Count == 0)
        {
            page.Append("<p class=\"empty\">No distillation campaign was found.</p>\n");
            return;
        }

        for (var i = 0; i < campaigns.Count; i++)
        {
            CampaignSection.Write(page, campaigns[i], i + 1);
        }
    }

    public static void TopAccounts(StringBuilder page, ReportFacts facts)
    {
        page.Append("<h2>Flagged accounts</h2>\n");
        if (facts.Flagged.Count == 0)
        {
            page.Append("<p class=\"empty\">No account was flagged.</p>\n");
            return;
        }

        var shown = facts.Flagged.Take(ReportFacts.TopAccounts).ToList();
        page.Append("<p class=\"muted\">")
            .Append(shown.Count == facts.Flagged.Count
                ? "All " + Html.Count(shown.Count) + " flagged accounts, highest score first"
                : "The " + Html.Count(shown.Count) + " highest-scoring of " + Html.Count(facts.Flagged.Count) + " flagged accounts")
            .Append("; every account is in accounts.csv.</p>\n")
            .Append("<table>\n<thead><tr><th>#</th><th>Account</th><th class=\"num\">Score</th><th>Campaign</th>")
            .Append("<th class=\"num\">Exchanges</th><th>Strongest reasons</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < shown.Count; i++)
        {
            var a = shown[i];
            var reasons = a.Reasons
                .OrderByDescending(r => Math.Abs(r.Contribution))
                .Take(ReasonsPerAccount)
                .Select(r => "<li>" + Html.E(r.Evidence) + "</li>");
            page.Append("<tr><td class=\"num\">").Append(i + 1).Append("</td><td><code>").Append(Html.E(a.AccountId.Value))
                .Append("</code></td><td class=\"num\">").Append(Html.Score(a.RiskScore))
                .Append("</td><td>").Append(Html.E(a.CampaignId?.Value ?? "—"))
                .Append("</td><td class=\"num\">").Append(Html.Count(a.Exchanges))
                .Append("</td><td><ul>").Append(string.Concat(reasons)).Append("</ul></td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
    }

    private static void Fact(StringBuilder page, string term, string safeHtml) =>
        page.Append("<dt>").Append(term).Append("</dt><dd>").Append(safeHtml).Append("</dd>\n");

    /// <summary>"a", "a and b", "a, b and c" — items are already escaped.</summary>
    private static string JoinWords(List<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
