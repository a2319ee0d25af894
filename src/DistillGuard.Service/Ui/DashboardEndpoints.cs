using System.Globalization;
using DistillGuard.Service.Config;
using DistillGuard.Service.Decisions;
using DistillGuard.Service.Labels;
using DistillGuard.Service.Server;
using DistillGuard.Service.Ui.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DistillGuard.Service.Ui;

/// <summary>
/// The analyst dashboard under <c>/ui/</c>: server-rendered pages over the service's own state. Its routes are kept out of
/// the OpenAPI document (they are not the API); <see cref="UiGate"/> enforces sessions, roles and form tokens. Labels and
/// actions go through the same code as <c>POST /v1/labels</c> and <c>POST /v1/actions</c>.
/// </summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder app, Dashboard dashboard, UiSessions sessions, TokenRoles tokens, TimeProvider clock)
    {
        app.MapGet("/ui", () => Results.Redirect(UiPaths.Campaigns)).Public();
        app.MapGet("/ui/", () => Results.Redirect(UiPaths.Campaigns)).Public();
        app.MapGet(UiPaths.Stylesheet, () => Results.Text(StaticFiles.Stylesheet, "text/css; charset=utf-8")).Public();
        app.MapGet(UiPaths.Script, () => Results.Text(StaticFiles.Script, "text/javascript; charset=utf-8")).Public();
        app.MapGet("/ui/login", (HttpContext context, string? next) => LoginPage.Render(context, next)).Public();
        app.MapPost("/ui/login", (Func<HttpContext, Task<IResult>>)(context => LoginAsync(context, sessions, tokens))).Public();
        app.MapPost(UiPaths.Logout, (HttpContext context) =>
        {
            sessions.End(Session(context).Id);
            context.Response.Cookies.Delete(UiSessions.Cookie, new CookieOptions { Path = "/ui" });
            return Results.Redirect(UiPaths.Login(), permanent: false, preserveMethod: false);
        }).ForSession(Role.Analyst, Role.Admin);

        app.MapGet(UiPaths.Campaigns, (HttpContext context, string? sort, string? status) => CampaignsPage.Render(dashboard, Session(context), sort, status))
            .ForSession(Role.Analyst, Role.Admin);
        app.MapGet(UiPaths.CampaignPage, (HttpContext context, string id) => CampaignPage.RenderAsync(dashboard, Session(context), id, context.RequestAborted))
            .ForSession(Role.Analyst, Role.Admin);
        app.MapGet(UiPaths.AccountPage, (HttpContext context, string id) => AccountPage.RenderAsync(dashboard, Session(context), id, context.RequestAborted))
            .ForSession(Role.Analyst, Role.Admin);
        app.MapGet(UiPaths.LabelQueue, (HttpContext context) => LabelQueuePage.Render(dashboard, Session(context)))
            .ForSession(Role.Analyst, Role.Admin);
        app.MapPost(UiPaths.LabelQueue, (HttpContext context) => Label(context, dashboard))
            .ForSession(Role.Analyst, Role.Admin);
        app.MapGet(UiPaths.Audit, (HttpContext context, long? after) => AuditPage.Render(dashboard, Session(context), after))
            .ForSession(Role.Admin);
        app.MapPost(UiPaths.Actions, (HttpContext context) => Act(context, dashboard.Manual, clock))
            .ForSession(Role.Admin);
    }

    /// <summary>The session the gate put on the request (every <see cref="UiAccess"/> route has one).</summary>
    private static UiSession Session(HttpContext context) => context.Features.Get<UiSession>() ?? throw new InvalidOperationException("a dashboard route ran without a session");

    private static async Task<IResult> LoginAsync(HttpContext context, UiSessions sessions, TokenRoles tokens)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var next = form["next"].ToString();
        if (!UiSessions.SameSecret(context.Request.Cookies[LoginPage.Cookie] ?? "", form[UiGate.FormTokenField].ToString()) || context.Request.Cookies[LoginPage.Cookie] is not { Length: > 0 })
        {
            return LoginPage.Render(context, next, "The login form expired: try again.");
        }

        var token = tokens.Find(form["token"].ToString().Trim());
        if (token is not { Role: Role.Analyst or Role.Admin })
        {
            return LoginPage.Render(context, next, token is null ? "Unknown token." : "A gateway token cannot open the dashboard.");
        }

        var session = sessions.Start(token);
        context.Response.Cookies.Delete(LoginPage.Cookie, new CookieOptions { Path = "/ui" });
        context.Response.Cookies.Append(UiSessions.Cookie, session.Id, new CookieOptions
        {
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/ui", Expires = session.ExpiresAt,
        });
        return Results.Redirect(UiPaths.SafeReturn(next));
    }

    private static IResult Label(HttpContext context, Dashboard dashboard)
    {
        var form = context.Request.Form;
        var request = new LabelRequest(Field(form, "account_id"), Field(form, "label"), Field(form, "campaign_id"), Field(form, "note"));
        if (LabelStore.Problem(request) is { } problem)
        {
            return new HtmlPage(Session(context)).Element("p", problem, "warning").Done("Label refused", StatusCodes.Status400BadRequest);
        }

        dashboard.Labels.Append(request, Session(context).Name);
        return Results.Redirect(UiPaths.SafeReturn(Field(form, "back") ?? UiPaths.Account(request.AccountId!)));
    }

    private static IResult Act(HttpContext context, ManualActions manual, TimeProvider clock)
    {
        var form = context.Request.Form;
        var problem = (string?)null;
        DateTimeOffset? expires = null;
        if (Field(form, "expires_hours") is { } hoursText)
        {
            if (int.TryParse(hoursText, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours > 0)
            {
                expires = clock.GetUtcNow().AddHours(hours);
            }
            else
            {
                problem = "expires in hours must be a whole number of hours above 0, or empty for never";
            }
        }

        var request = new ActionRequest(Field(form, "account_id"), Field(form, "campaign_id"), Field(form, "action"), expires, Field(form, "reason"));
        var (reply, refused) = problem is null ? manual.Take(request, Session(context).Name) : (null, problem);
        if (reply is null)
        {
            return new HtmlPage(Session(context)).Element("p", refused, "warning").Done("Action refused", StatusCodes.Status400BadRequest);
        }

        return Results.Redirect(request.AccountId is { Length: > 0 } account ? UiPaths.Account(account) : UiPaths.Campaign(request.CampaignId!));
    }

    private static string? Field(IFormCollection form, string name) => form[name].ToString() is { Length: > 0 } value ? value : null;
}
