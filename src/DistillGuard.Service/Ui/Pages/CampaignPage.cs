using DistillGuard.Core.Enforcement;
using System.Globalization;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Quantification;
using DistillGuard.Reporting;
using DistillGuard.Service.Audit;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Ui.Pages;

/// <summary><c>/ui/campaign?id=ID</c>: timeline, capability mix, evidence with rarity, account graph, members, model shifts, actions and audit.</summary>
internal static class CampaignPage
{
    public static async Task<IResult> RenderAsync(Dashboard dashboard, UiSession session, string id, CancellationToken ct)
    {
        var snapshot = dashboard.Snapshot;
        var page = new HtmlPage(session);
        if (snapshot.FindCampaign(id) is not { } campaign)
        {
            return page.Element("p", "No such campaign in the current verdicts.", "empty").Done("Campaign not found", StatusCodes.Status404NotFound);
        }

        await dashboard.Activity.CatchUpAsync(ct);
        var members = campaign.Accounts.ToHashSet();
        var (days, modelDays) = dashboard.Activity.Of(campaign.Accounts);
        var status = dashboard.StatusOf(campaign);

        page.Raw("<dl class=\"facts\">").Fact("Accounts", HtmlPage.Count(campaign.Accounts.Count)).Fact("Exchanges", HtmlPage.Count(campaign.Exchanges))
            .Fact("Window", $"{HtmlPage.Instant(campaign.FirstSeen)} – {HtmlPage.Instant(campaign.LastSeen)}")
            .Fact("Output tokens", HtmlPage.Count(campaign.OutputTokens)).Fact("Estimated API value", "USD " + campaign.EstimatedApiValueUsd.ToString("N0", CultureInfo.InvariantCulture))
            .Fact("Models", string.Join(", ", campaign.Models)).Fact("Status", status.ToContract())
            .Fact("Manual action", dashboard.Manual.InForce(Dashboard.CampaignSubject(id)) is { } m ? $"{m.Action.ToContract()} by {m.Actor}: {m.Reason}" : "none")
            .Raw("</dl>");
        Sections.ActionForm(page, "campaign_id", id, dashboard.Options.DefaultActionHours);

        page.Element("h2", "Daily timeline").Raw(SvgCharts.DailyBars(days, "Exchanges per day of campaign " + id));
        page.Element("h2", "Capability mix").Raw(SvgCharts.CapabilityBars(campaign.CapabilityMix, "Capability mix of campaign " + id));

        var edges = members.SelectMany(a => snapshot.Edges.GetValueOrDefault(a)?.Edges ?? []).Where(e => members.Contains(e.Other)).ToList();
        Evidence(page, campaign, edges);
        Graph(page, edges, dashboard.Options.CampaignGraphEdges);
        Members(page, dashboard, campaign);

        page.Element("h2", "Model shifts");
        var shifts = campaign.ModelShifts.Count > 0 ? campaign.ModelShifts : ModelShifts.Detect(modelDays);
        if (shifts.Count == 0)
        {
            page.Element("p", "No move to a new model.", "empty");
        }
        else
        {
            page.Raw("<ul>");
            foreach (var shift in shifts)
            {
                page.Element("li", $"{shift.Day:yyyy-MM-dd}: {shift.FromModel} → {shift.ToModel}");
            }

            page.Raw("</ul>");
        }

        page.Element("h2", "Actions and audit");
        var subjects = campaign.Accounts.Select(AuditSubjects.Account).Append(Dashboard.CampaignSubject(id)).ToHashSet(StringComparer.Ordinal);
        Sections.AuditTable(page, dashboard.AuditEntries().Where(e => subjects.Contains(e.Subject)).Reverse().Take(dashboard.Options.RecentAuditEntries));
        return page.Done("Campaign " + id);
    }

    /// <summary>The campaign's written evidence, then each value its accounts share, with how rare it is among ordinary accounts.</summary>
    private static void Evidence(HtmlPage page, CampaignSummary campaign, List<LinkEdge> edges)
    {
        page.Element("h2", "Evidence").Raw("<ul class=\"evidence\">");
        foreach (var line in campaign.Evidence)
        {
            page.Element("li", line);
        }

        page.Raw("</ul><table data-testid=\"evidence\">").Header("Shared", "Accounts here", "Carriers", "Ordinary carriers", "Share of ordinary accounts").Raw("<tbody>");
        foreach (var value in edges.GroupBy(e => (e.Kind, e.Value)).OrderByDescending(g => g.Max(e => e.Weight)).Take(30))
        {
            var rarity = value.First().Rarity;
            var here = value.SelectMany(e => new[] { e.Account, e.Other }).Distinct().Count();
            var what = LinkKinds.Describe(value.Key.Kind)
                + (value.Key.Kind == LinkKind.SignupBurst && LinkKinds.SignupBucketStart(value.Key.Value) is { } start ? " at " + HtmlPage.Instant(start) : "");
            page.Raw("<tr>").Cell(what).Cell(HtmlPage.Count(here), number: true).Cell(HtmlPage.Count(rarity.Carriers), number: true)
                .Cell($"{rarity.OrdinaryCarriers} of {rarity.OrdinaryPopulation}", number: true).Cell(rarity.OrdinaryShare.ToString("P2", CultureInfo.InvariantCulture), number: true)
                .Raw("</tr>");
        }

        page.Raw("</tbody></table>");
    }

    /// <summary>The strongest edges between members: a drawing whose dots open the account, and the same edges as a table.</summary>
    private static void Graph(HtmlPage page, List<LinkEdge> edges, int limit)
    {
        var strongest = edges
            .GroupBy(e => string.CompareOrdinal(e.Account.Value, e.Other.Value) < 0 ? (e.Account, e.Other, e.Kind) : (e.Other, e.Account, e.Kind))
            .Select(g => g.MaxBy(e => e.Weight)!)
            .OrderByDescending(e => e.Weight).ThenBy(e => e.Account.Value, StringComparer.Ordinal).ThenBy(e => e.Other.Value, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        page.Element("h2", "Account graph");
        if (strongest.Count == 0)
        {
            page.Element("p", "No shared-attribute edges between members (they were joined by behaviour or wording).", "empty");
            return;
        }

        var nodes = strongest.SelectMany(e => new[] { e.Account, e.Other }).Distinct().ToList();
        var at = nodes.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => Position(x.i, nodes.Count));
        page.Raw("<svg class=\"graph\" viewBox=\"0 0 520 520\" role=\"img\" aria-label=\"Strongest edges between members\">");
        foreach (var e in strongest)
        {
            var (a, b) = (at[e.Account], at[e.Other]);
            page.Raw(string.Create(CultureInfo.InvariantCulture, $"<line class=\"edge {LinkKinds.Name(e.Kind)}\" x1=\"{a.X:0.#}\" y1=\"{a.Y:0.#}\" x2=\"{b.X:0.#}\" y2=\"{b.Y:0.#}\" stroke-width=\"{Math.Clamp(e.Weight, 0.5, 4):0.#}\"><title>"))
                .Text(LinkKinds.Describe(e.Kind)).Raw("</title></line>");
        }

        foreach (var node in nodes)
        {
            page.Raw("<a href=\"").Text(UiPaths.Account(node.Value)).Raw(string.Create(CultureInfo.InvariantCulture, $"\"><circle cx=\"{at[node].X:0.#}\" cy=\"{at[node].Y:0.#}\" r=\"6\"><title>"))
                .Text(node.Value).Raw("</title></circle></a>");
        }

        page.Raw("</svg><table data-testid=\"edges\">").Header("Account", "Kind", "Other account", "Weight", "Pair strength").Raw("<tbody>");
        foreach (var e in strongest)
        {
            page.Raw("<tr>").LinkCell(UiPaths.Account(e.Account.Value), e.Account.Value).Cell(LinkKinds.Describe(e.Kind))
                .LinkCell(UiPaths.Account(e.Other.Value), e.Other.Value).Cell(HtmlPage.Number(e.Weight), number: true).Cell(HtmlPage.Number(e.PairStrength), number: true)
                .Raw("</tr>");
        }

        page.Raw("</tbody></table>");
    }

    private static void Members(HtmlPage page, Dashboard dashboard, CampaignSummary campaign)
    {
        page.Element("h2", "Members").Raw("<table data-testid=\"members\">").Header("Account", "Verdict", "Risk", "Exchanges", "Action", "Strongest reasons").Raw("<tbody>");
        foreach (var account in campaign.Accounts.OrderByDescending(a => dashboard.Snapshot.Find(a)?.RiskScore ?? 0).ThenBy(a => a.Value, StringComparer.Ordinal))
        {
            var verdict = dashboard.Snapshot.Find(account);
            page.Raw("<tr>").LinkCell(UiPaths.Account(account.Value), account.Value).Cell(verdict?.Verdict.ToContract() ?? "—")
                .Cell(HtmlPage.Number(verdict?.RiskScore ?? 0), number: true).Cell(HtmlPage.Count(verdict?.Exchanges ?? 0), number: true)
                .Element("td", dashboard.ActionOf(account.Value).Action.ToContract(), "action")
                .Cell(string.Join("; ", (verdict?.Reasons ?? []).OrderByDescending(r => Math.Abs(r.Contribution)).Take(3).Select(r => r.Evidence)))
                .Raw("</tr>");
        }

        page.Raw("</tbody></table>");
    }

    private static (double X, double Y) Position(int i, int n)
    {
        var angle = 2 * Math.PI * i / Math.Max(1, n);
        return (260 + (220 * Math.Cos(angle)), 260 + (220 * Math.Sin(angle)));
    }
}
