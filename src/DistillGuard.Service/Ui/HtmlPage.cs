using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Ui;

/// <summary>
/// A page being written. Markup comes only from the constants passed to <see cref="Raw"/>; every value goes through
/// <see cref="Text"/> or an attribute helper, which encode it (HtmlEncoder), so attacker text (ids, models, user agents,
/// prompts) is always shown as text.
/// </summary>
internal sealed class HtmlPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;
    private readonly StringBuilder html = new(16 * 1024);

    public HtmlPage(UiSession? session) => Session = session;

    public UiSession? Session { get; }

    /// <summary>Markup written by the dashboard itself (a constant): never a value.</summary>
    public HtmlPage Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public HtmlPage Text(string? value)
    {
        html.Append(Encoder.Encode(value ?? string.Empty));
        return this;
    }

    /// <summary><c>&lt;tag class="css"&gt;value&lt;/tag&gt;</c> with the value encoded.</summary>
    public HtmlPage Element(string tag, string? value, string? css = null)
    {
        html.Append('<').Append(tag);
        if (css is not null)
        {
            html.Append(" class=\"").Append(css).Append('"');
        }

        html.Append('>');
        return Text(value).Raw("</" + tag + ">");
    }

    public HtmlPage Link(string href, string? text, string? css = null)
    {
        html.Append("<a href=\"").Append(Encoder.Encode(href)).Append('"');
        if (css is not null)
        {
            html.Append(" class=\"").Append(css).Append('"');
        }

        return Raw(">").Text(text).Raw("</a>");
    }

    public HtmlPage Cell(string? value, bool number = false) => Element("td", value, number ? "num" : null);

    public HtmlPage LinkCell(string href, string? text) => Raw("<td>").Link(href, text).Raw("</td>");

    public HtmlPage Header(params string[] columns)
    {
        html.Append("<thead><tr>");
        foreach (var column in columns)
        {
            Element("th", column);
        }

        html.Append("</tr></thead>");
        return this;
    }

    public HtmlPage Fact(string name, string? value) => Element("dt", name).Element("dd", value);

    /// <summary>A hidden input carrying <paramref name="value"/> (encoded).</summary>
    public HtmlPage Hidden(string name, string? value) =>
        Raw("<input type=\"hidden\" name=\"").Raw(name).Raw("\" value=\"").Text(value).Raw("\">");

    /// <summary>Opens a POST form to <paramref name="action"/> with the session's form token in it.</summary>
    public HtmlPage Form(string action, string css = "inline")
    {
        html.Append("<form method=\"post\" class=\"").Append(css).Append("\" action=\"").Append(Encoder.Encode(action)).Append("\">");
        return Hidden(UiGate.FormTokenField, Session?.FormToken);
    }

    public static string Number(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>The whole document: head, navigation, the body written so far.</summary>
    public IResult Done(string title, int status = StatusCodes.Status200OK)
    {
        var page = new HtmlPage(Session);
        page.Raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\"><title>")
            .Text(title).Raw(" · DistillGuard</title><link rel=\"stylesheet\" href=\"").Raw(UiPaths.Stylesheet).Raw("\"><script src=\"")
            .Raw(UiPaths.Script).Raw("\" defer></script></head><body><header class=\"top\"><strong>DistillGuard</strong>");
        if (Session is { } s)
        {
            page.Raw("<nav>").Link(UiPaths.Campaigns, "Campaigns").Link(UiPaths.LabelQueue, "Label queue");
            if (s.IsAdmin)
            {
                page.Link(UiPaths.Audit, "Audit");
            }

            page.Raw("</nav><span class=\"who\">").Text(s.Name + " (" + Config.Roles.ToContract(s.Role) + ")").Raw("</span>")
                .Form(UiPaths.Logout).Raw("<button type=\"submit\">Log out</button></form>");
        }

        page.Raw("</header><main>").Element("h1", title).Raw(html.ToString()).Raw("</main></body></html>");
        return Results.Content(page.html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
