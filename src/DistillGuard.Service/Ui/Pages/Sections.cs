using DistillGuard.Core.Enforcement;
using DistillGuard.Service.Audit;

namespace DistillGuard.Service.Ui.Pages;

/// <summary>Parts that the campaign and account pages share: the audit entries of their subjects and the admin's action form.</summary>
internal static class Sections
{
    /// <summary>Characters of an entry's detail on the audit page (the reasons of a policy action fit); the full text is in /v1/audit.</summary>
    private const int AuditDetailChars = 400;

    /// <summary>Characters of an entry's detail beside a campaign or an account (its first reason).</summary>
    private const int BriefDetailChars = 160;

    public static void AuditTable(HtmlPage page, IEnumerable<AuditEntryView> entries, bool withHashes = false)
    {
        var list = entries.ToList();
        if (list.Count == 0)
        {
            page.Element("p", "No audit entries.", "empty");
            return;
        }

        page.Raw("<table class=\"audit\" data-testid=\"audit\">").Header(withHashes
            ? ["#", "At", "Actor", "Origin", "Subject", "Action", "Shadow", "Expires", "Policy", "Detail", "Hash"]
            : ["#", "At", "Actor", "Origin", "Subject", "Action", "Expires", "Detail"]).Raw("<tbody>");
        foreach (var e in list)
        {
            page.Raw("<tr>").Cell(e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), number: true).Cell(HtmlPage.Instant(e.At))
                .Cell(e.Actor).Cell(e.Origin).Cell(e.Subject).Element("td", e.Action, "action " + e.Action);
            if (withHashes)
            {
                page.Cell(e.Shadow ? "yes" : "no");
            }

            page.Cell(HtmlPage.Instant(e.ExpiresAt));
            if (withHashes)
            {
                page.Cell(e.PolicyVersion);
            }

            var keep = withHashes ? AuditDetailChars : BriefDetailChars;
            page.Raw("<td class=\"detail\">").Text(e.Detail.Length > keep ? e.Detail[..keep] + "…" : e.Detail).Raw("</td>");
            if (withHashes)
            {
                page.Raw("<td><code>").Text(e.Hash[..Math.Min(12, e.Hash.Length)]).Raw("</code></td>");
            }

            page.Raw("</tr>");
        }

        page.Raw("</tbody></table>");
    }

    /// <summary>An admin's form for an action on an account or a campaign (<paramref name="field"/>: account_id or campaign_id), with reason and expiry.</summary>
    public static void ActionForm(HtmlPage page, string field, string id, int defaultHours)
    {
        if (page.Session is not { IsAdmin: true })
        {
            return;
        }

        page.Form(UiPaths.Actions, "action-form").Hidden(field, id).Raw("<label>Action <select name=\"action\">");
        foreach (var action in Enum.GetValues<EnforcementAction>())
        {
            page.Raw("<option>").Text(action.ToContract()).Raw("</option>");
        }

        page.Raw("</select></label> <label>Reason <input name=\"reason\" required maxlength=\"2000\" size=\"40\"></label> ")
            .Raw("<label>Expires in hours (empty: never) <input name=\"expires_hours\" type=\"number\" min=\"1\" value=\"")
            .Text(defaultHours.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Raw("\"></label> <button type=\"submit\" data-testid=\"take-action\">Take action</button></form>");
    }
}
