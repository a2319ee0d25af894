using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Ui.Pages;

/// <summary><c>/ui/audit</c> (admins): the chain check, then the log a page at a time, newest page first.</summary>
internal static class AuditPage
{
    public static IResult Render(Dashboard dashboard, UiSession session, long? after)
    {
        var check = dashboard.Audit.Verify();
        var size = dashboard.Options.AuditPageSize;
        var from = after ?? Math.Max(0, check.Entries - size);
        var entries = dashboard.Audit.Page(from, size);
        var page = new HtmlPage(session);
        page.Element("p", check.Valid
                ? $"Chain valid: {check.Entries} entries, each hash chained to the one before and to the recorded head."
                : $"Chain BROKEN at entry {check.FirstInvalid}: {check.Reason}",
            check.Valid ? "chain valid" : "chain broken");
        page.Raw("<p>");
        if (from > 0)
        {
            page.Link(UiPaths.Audit + "?after=" + Math.Max(0, from - size).ToString(System.Globalization.CultureInfo.InvariantCulture), "← older");
        }

        if (entries.Count == size)
        {
            page.Raw(" ").Link(UiPaths.Audit + "?after=" + entries[^1].Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), "newer →");
        }

        page.Raw("</p>");
        Sections.AuditTable(page, entries, withHashes: true);
        return page.Done("Audit log");
    }
}
