using Microsoft.AspNetCore.Http;

namespace DistillGuard.Service.Ui.Pages;

/// <summary><c>/ui/login</c>: a token for a session. The form carries a one-time value also set as a cookie (login CSRF).</summary>
internal static class LoginPage
{
    public const string Cookie = "dg_login";

    public static IResult Render(HttpContext context, string? next, string? problem = null)
    {
        var value = UiSessions.NewSecret();
        context.Response.Cookies.Append(Cookie, value, new CookieOptions
        {
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/ui", MaxAge = TimeSpan.FromMinutes(30),
        });
        var page = new HtmlPage(null);
        if (problem is not null)
        {
            page.Element("p", problem, "warning");
        }

        page.Raw("<form method=\"post\" class=\"login\" action=\"/ui/login\">").Hidden(UiGate.FormTokenField, value).Hidden("next", next)
            .Raw("<label>Token <input name=\"token\" type=\"password\" autocomplete=\"off\" required autofocus></label> <button type=\"submit\">Log in</button></form>")
            .Element("p", "Use an analyst or admin token of this service. The token is exchanged for a session cookie and not kept in the browser.", "muted");
        return page.Done("Log in", problem is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }
}
