using DistillGuard.Core.Model;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Ui.Pages;

/// <summary>
/// <c>/ui/labels</c>: unlabelled accounts where a label would teach <c>train</c> the most: suspicious accounts first, nearest
/// the distillation threshold first (where the model is least sure), then the other verdicts by the same distance.
/// </summary>
internal static class LabelQueuePage
{
    public static IResult Render(Dashboard dashboard, UiSession session)
    {
        var labelled = dashboard.Labels.Latest();
        var queue = Queue(dashboard.Snapshot.Accounts.Values, labelled.Keys.ToHashSet(StringComparer.Ordinal), dashboard.Options.LabelQueueSize);
        var page = new HtmlPage(session);
        page.Element("p", $"{labelled.Count} accounts labelled so far; train --db reads these labels. Suspicious accounts nearest the threshold ({Dashboard.DistillationThreshold:0.00}) come first.", "muted");
        page.Raw("<table data-testid=\"label-queue\">").Header("Account", "Verdict", "Risk", "Campaign", "Strongest reason", "Label").Raw("<tbody>");
        foreach (var v in queue)
        {
            page.Raw("<tr>").LinkCell(UiPaths.Account(v.AccountId.Value), v.AccountId.Value).Cell(v.Verdict.ToContract()).Cell(HtmlPage.Number(v.RiskScore), number: true)
                .Cell(v.CampaignId?.Value ?? "—").Cell(v.Reasons.OrderByDescending(r => Math.Abs(r.Contribution)).FirstOrDefault()?.Evidence ?? "").Raw("<td>");
            Buttons(page, v.AccountId.Value, v.CampaignId?.Value, UiPaths.LabelQueue);
            page.Raw("</td></tr>");
        }

        page.Raw("</tbody></table>");
        return page.Done("Label queue");
    }

    /// <summary>The queue: unlabelled accounts, suspicious first, each group by distance of its risk to the threshold.</summary>
    public static IReadOnlyList<AccountVerdict> Queue(IEnumerable<AccountVerdict> verdicts, IReadOnlySet<string> labelled, int size) =>
        [.. verdicts.Where(v => !labelled.Contains(v.AccountId.Value))
            .OrderBy(v => v.Verdict == Verdict.Suspicious ? 0 : 1)
            .ThenBy(v => Math.Abs(v.RiskScore - Dashboard.DistillationThreshold))
            .ThenBy(v => v.AccountId.Value, StringComparer.Ordinal)
            .Take(size)];

    /// <summary>Two buttons, campaign and organic, each a form that stores the label (as POST /v1/labels does) and returns to <paramref name="back"/>.</summary>
    public static void Buttons(HtmlPage page, string account, string? campaign, string back)
    {
        foreach (var label in new[] { "campaign", "organic" })
        {
            page.Form("/ui/labels").Hidden("account_id", account).Hidden("label", label).Hidden("back", back);
            if (label == "campaign" && campaign is not null)
            {
                page.Hidden("campaign_id", campaign);
            }

            page.Raw("<button type=\"submit\" class=\"label-").Raw(label).Raw("\" data-label=\"").Raw(label).Raw("\">").Text(label).Raw("</button></form>");
        }
    }
}
