using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Reporting;
using DistillGuard.Service.Audit;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Ui.Pages;

/// <summary><c>/ui/account?id=ID</c>: verdict, risk and reasons, evidence edges, activity, labels, the current action and its history.</summary>
internal static class AccountPage
{
    public static async Task<IResult> RenderAsync(Dashboard dashboard, UiSession session, string id, CancellationToken ct)
    {
        var snapshot = dashboard.Snapshot;
        var account = new AccountId(id);
        var verdict = snapshot.Find(account);
        var page = new HtmlPage(session);
        await dashboard.Activity.CatchUpAsync(ct);
        var activity = dashboard.Activity.Of(account);
        if (verdict is null && activity.Days.Count == 0)
        {
            return page.Element("p", "No verdict and no exchange for this account.", "empty").Done("Account not found", StatusCodes.Status404NotFound);
        }

        var action = dashboard.ActionOf(id);
        page.Raw("<dl class=\"facts\">").Fact("Verdict", verdict?.Verdict.ToContract() ?? "none yet").Fact("Risk", HtmlPage.Number(verdict?.RiskScore ?? 0))
            .Fact("Exchanges", HtmlPage.Count(verdict?.Exchanges ?? activity.Days.Sum(d => d.Exchanges)));
        page.Raw("<dt>Campaign</dt><dd>");
        if (verdict?.CampaignId is { } campaign)
        {
            page.Link(UiPaths.Campaign(campaign.Value), campaign.Value);
        }
        else
        {
            page.Text("none");
        }

        page.Raw("</dd>").Raw("<dt>Action now</dt><dd data-testid=\"current-action\">").Text(action.Action.ToContract()).Raw("</dd>")
            .Fact("Until", HtmlPage.Instant(action.ExpiresAt)).Raw("</dl>");
        page.Element("p", string.Join(" · ", action.Reasons.Take(2)), "muted");
        Sections.ActionForm(page, "account_id", id, dashboard.Options.DefaultActionHours);
        LabelForm(page, dashboard, id, verdict?.CampaignId?.Value);

        page.Element("h2", "Reasons").Raw("<table data-testid=\"reasons\">").Header("Signal", "Value", "Contribution", "Evidence").Raw("<tbody>");
        foreach (var reason in (verdict?.Reasons ?? []).OrderByDescending(r => Math.Abs(r.Contribution)))
        {
            page.Raw("<tr>").Cell(reason.Signal).Cell(HtmlPage.Number(reason.Value), number: true).Cell(HtmlPage.Number(reason.Contribution), number: true).Cell(reason.Evidence).Raw("</tr>");
        }

        page.Raw("</tbody></table>");
        Edges(page, snapshot.Edges.GetValueOrDefault(account));

        page.Element("h2", "Activity").Raw(SvgCharts.DailyBars(activity.Days, "Exchanges per day of account " + id));
        page.Raw("<dl class=\"facts\">").Fact("Models", string.Join(", ", activity.ModelDays.GroupBy(m => m.Model).Select(g => $"{g.Key} ({g.Sum(m => m.Exchanges)})")))
            .Raw("</dl>").Element("h3", "User agents").Raw("<ul data-testid=\"user-agents\">");
        foreach (var agent in activity.UserAgents)
        {
            page.Raw("<li><code>").Text(agent.Name).Raw("</code> ").Text($"({agent.Exchanges})").Raw("</li>");
        }

        page.Raw("</ul>").Element("h3", "Latest prompts (a glimpse)").Raw("<ul class=\"prompts\">");
        foreach (var prompt in activity.RecentPrompts)
        {
            page.Raw("<li><code>").Text(prompt).Raw("</code></li>");
        }

        page.Raw("</ul>").Element("h2", "Actions and audit");
        var subjects = new HashSet<string>(StringComparer.Ordinal) { AuditSubjects.Account(account) };
        if (verdict?.CampaignId is { } c)
        {
            subjects.Add(Dashboard.CampaignSubject(c.Value));
        }

        Sections.AuditTable(page, dashboard.AuditEntries().Where(e => subjects.Contains(e.Subject)).Reverse().Take(dashboard.Options.RecentAuditEntries));
        return page.Done("Account " + id);
    }

    private static void Edges(HtmlPage page, AccountEdges? edges)
    {
        page.Element("h2", "Evidence edges");
        if (edges is null || edges.Edges.Count == 0)
        {
            page.Element("p", "No shared-attribute edge to another account.", "empty");
            return;
        }

        page.Element("p", $"{edges.Partners} linked accounts; the strongest {edges.KeptPartners} are shown.", "muted")
            .Raw("<table data-testid=\"edges\">").Header("Other account", "Kind", "Weight", "Pair strength", "Carriers (ordinary)").Raw("<tbody>");
        foreach (var e in edges.Edges.OrderByDescending(e => e.PairStrength).ThenByDescending(e => e.Weight))
        {
            page.Raw("<tr>").LinkCell(UiPaths.Account(e.Other.Value), e.Other.Value).Cell(LinkKinds.Describe(e.Kind))
                .Cell(HtmlPage.Number(e.Weight), number: true).Cell(HtmlPage.Number(e.PairStrength), number: true)
                .Cell($"{e.Rarity.Carriers} ({e.Rarity.OrdinaryCarriers} of {e.Rarity.OrdinaryPopulation})", number: true).Raw("</tr>");
        }

        page.Raw("</tbody></table>");
    }

    private static void LabelForm(HtmlPage page, Dashboard dashboard, string id, string? campaign)
    {
        page.Element("h2", "Labels");
        var labels = dashboard.Labels.Of(id);
        page.Raw("<ul data-testid=\"labels\">");
        foreach (var label in labels)
        {
            page.Element("li", $"{label.Label}{(label.CampaignId is { } c ? " (" + c + ")" : "")} by {label.LabelledBy}, {HtmlPage.Instant(label.At)}{(label.Note is { } n ? ": " + n : "")}");
        }

        page.Raw("</ul>");
        LabelQueuePage.Buttons(page, id, campaign, UiPaths.Account(id));
    }
}
