using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Model;
using DistillGuard.Service.Audit;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Ui.Pages;

/// <summary><c>/ui/campaigns</c>: every campaign with its size, exchanges, window, capability mix, status and last change; sortable, filterable by status.</summary>
internal static class CampaignsPage
{
    private sealed record Row(CampaignSummary Campaign, EnforcementAction Status, AuditEntryView? LastChange);

    private static readonly (string Key, string Title)[] Columns =
    [
        ("campaign", "Campaign"), ("accounts", "Accounts"), ("exchanges", "Exchanges"), ("first", "First seen"), ("last", "Last seen"),
        ("mix", "Capability mix"), ("status", "Status"), ("changed", "Last change"),
    ];

    public static IResult Render(Dashboard dashboard, UiSession session, string? sort, string? status)
    {
        var snapshot = dashboard.Snapshot;
        var last = LastChanges(dashboard.AuditEntries());
        var rows = snapshot.Campaigns
            .Select(c => new Row(c, dashboard.StatusOf(c), c.Accounts.Select(a => last.GetValueOrDefault(AuditSubjects.Account(a)))
                .Append(last.GetValueOrDefault(Dashboard.CampaignSubject(c.CampaignId.Value))).MaxBy(e => e?.Seq ?? 0)))
            .Where(r => status is not { Length: > 0 } || r.Status.ToContract() == status)
            .ToList();
        rows = Sort(rows, sort ?? "accounts");

        var page = new HtmlPage(session);
        page.Raw("<p class=\"muted\">").Text($"Verdicts of relink {snapshot.Version} at {HtmlPage.Instant(snapshot.TakenAt)}: {snapshot.Campaigns.Count} campaigns, {snapshot.Accounts.Count} accounts.").Raw("</p>");
        page.Raw("<form method=\"get\" class=\"filter\" action=\"").Raw(UiPaths.Campaigns).Raw("\"><label>Status <select name=\"status\" data-autosubmit>")
            .Raw("<option value=\"\">any</option>");
        foreach (var action in Enum.GetValues<EnforcementAction>())
        {
            page.Raw("<option value=\"").Text(action.ToContract()).Raw(action.ToContract() == status ? "\" selected>" : "\">").Text(action.ToContract()).Raw("</option>");
        }

        page.Hidden("sort", sort).Raw("</select></label> <button type=\"submit\">Filter</button></form>");
        page.Raw("<table class=\"campaigns\" data-testid=\"campaigns\"><thead><tr>");
        foreach (var (key, title) in Columns)
        {
            page.Raw("<th>").Link(UiPaths.Campaigns + "?sort=" + key + (status is { Length: > 0 } ? "&status=" + Uri.EscapeDataString(status) : ""), title).Raw("</th>");
        }

        page.Raw("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            var c = row.Campaign;
            page.Raw("<tr>").LinkCell(UiPaths.Campaign(c.CampaignId.Value), c.CampaignId.Value)
                .Cell(HtmlPage.Count(c.Accounts.Count), number: true).Cell(HtmlPage.Count(c.Exchanges), number: true)
                .Cell(HtmlPage.Instant(c.FirstSeen)).Cell(HtmlPage.Instant(c.LastSeen))
                .Cell(string.Join(", ", c.CapabilityMix.OrderByDescending(m => m.Value).Take(3).Select(m => $"{m.Key.ToContract()} {m.Value:P0}")))
                .Element("td", row.Status.ToContract(), "action " + row.Status.ToContract())
                .Cell(row.LastChange is { } e ? $"{e.Action} by {e.Actor}, {HtmlPage.Instant(e.At)}" : "—")
                .Raw("</tr>");
        }

        page.Raw("</tbody></table>");
        if (rows.Count == 0)
        {
            page.Element("p", "No campaign matches.", "empty");
        }

        return page.Done("Campaigns");
    }

    /// <summary>The latest audit entry of each subject.</summary>
    public static Dictionary<string, AuditEntryView> LastChanges(IReadOnlyList<AuditEntryView> entries)
    {
        var last = new Dictionary<string, AuditEntryView>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            last[entry.Subject] = entry;
        }

        return last;
    }

    private static List<Row> Sort(List<Row> rows, string sort) => sort switch
    {
        "campaign" => [.. rows.OrderBy(r => r.Campaign.CampaignId.Value, StringComparer.Ordinal)],
        "exchanges" => [.. rows.OrderByDescending(r => r.Campaign.Exchanges)],
        "first" => [.. rows.OrderBy(r => r.Campaign.FirstSeen)],
        "last" => [.. rows.OrderByDescending(r => r.Campaign.LastSeen)],
        "status" => [.. rows.OrderByDescending(r => r.Status).ThenByDescending(r => r.Campaign.Accounts.Count)],
        "changed" => [.. rows.OrderByDescending(r => r.LastChange?.Seq ?? 0)],
        "mix" => [.. rows.OrderByDescending(r => r.Campaign.CapabilityMix.Values.DefaultIfEmpty(0).Max())],
        _ => [.. rows.OrderByDescending(r => r.Campaign.Accounts.Count).ThenByDescending(r => r.Campaign.Exchanges)],
    };
}
