using System.Text.Json;
using DistillGuard.Cli;
using DistillGuard.Service.Config;
using DistillGuard.Service.Tests;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DistillGuard.Dashboard.Tests;

/// <summary>The dashboard driven in real Chromium against a real service that replayed scenario tiny.</summary>
[Collection(InProcessCommandLine.Name)]
public sealed class DashboardTests(DashboardServer server, ITestOutputHelper output) : IClassFixture<DashboardServer>
{
    [Fact]
    public async Task LoggingInExchangesTheTokenForAStrictHttpOnlySessionCookieAndPagesCarryACspWithoutInlineScript()
    {
        await using var browser = await BrowserSession.OpenAsync(server, output);
        await browser.Page.GotoAsync("/ui/campaigns");
        Assert.Contains("/ui/login", browser.Page.Url, StringComparison.Ordinal);
        await browser.Page.FillAsync("input[name=token]", Some.ForgedToken);
        await browser.Page.ClickAsync("form.login button[type=submit]");
        Assert.Contains("Unknown token", await browser.Page.TextContentAsync("main") ?? "", StringComparison.Ordinal);
        browser.ConsoleErrors.Clear(); // the refused login's own 401

        await browser.Page.FillAsync("input[name=token]", Some.Tokens[Role.Analyst]);
        await browser.Page.ClickAsync("form.login button[type=submit]");
        await browser.Page.WaitForURLAsync("**/ui/campaigns");
        var cookie = Assert.Single(await browser.Context.CookiesAsync(), c => c.Name == "dg_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(Some.Tokens[Role.Analyst], cookie.Value, StringComparison.Ordinal);

        var response = await browser.Page.ReloadAsync();
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
        Assert.StartsWith("app;dur=", await response.HeaderValueAsync("server-timing"), StringComparison.Ordinal);
        Assert.Equal(server.Campaigns.Count, await browser.Page.Locator("table[data-testid=campaigns] tbody tr").CountAsync());
        await browser.ScreenshotAsync("campaigns");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task TheBiggestCampaignListsEveryMemberAndItsEvidence()
    {
        await using var browser = await BrowserSession.LogInAsync(server, Role.Analyst, output);
        var biggest = server.Campaigns[0];
        var id = biggest.GetProperty("campaign_id").GetString()!;
        await browser.Page.ClickAsync("table[data-testid=campaigns] tbody tr:first-child td:first-child a");
        await browser.Page.WaitForURLAsync("**/ui/campaign?id=*");
        Assert.Equal("Campaign " + id, await browser.Page.TextContentAsync("h1"));

        var members = await browser.Page.Locator("table[data-testid=members] tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(biggest.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal), members.Order(StringComparer.Ordinal));
        Assert.True(await browser.Page.Locator("table[data-testid=evidence] tbody tr").CountAsync() > 0, "the campaign shows the values its accounts share");
        Assert.Contains("ordinary", await browser.Page.TextContentAsync("table[data-testid=evidence] thead") ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.True(await browser.Page.Locator("svg.chart").CountAsync() >= 2, "the timeline and the capability mix are drawn");
        await browser.ScreenshotAsync("campaign");
        await browser.ScreenshotAsync("campaign-top", fullPage: false);
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task FollowingAnEdgeOpensTheOtherAccountWhichLinksBack()
    {
        await using var browser = await BrowserSession.LogInAsync(server, Role.Analyst, output);
        var id = server.Campaigns[0].GetProperty("campaign_id").GetString()!;
        await browser.Page.GotoAsync("/ui/campaign?id=" + Uri.EscapeDataString(id));
        var from = await browser.Page.TextContentAsync("table[data-testid=edges] tbody tr:first-child td:nth-child(1)");
        var other = await browser.Page.TextContentAsync("table[data-testid=edges] tbody tr:first-child td:nth-child(3)");
        await browser.Page.ClickAsync("table[data-testid=edges] tbody tr:first-child td:nth-child(3) a");
        await browser.Page.WaitForURLAsync("**/ui/account?id=*");
        Assert.Equal("Account " + other, await browser.Page.TextContentAsync("h1"));
        var partners = await browser.Page.Locator("table[data-testid=edges] tbody tr td:first-child").AllTextContentsAsync();
        Assert.NotEmpty(partners);
        Assert.Equal(server.Campaigns[0].GetProperty("campaign_id").GetString(), await browser.Page.TextContentAsync("dl.facts a"));
        Assert.NotEqual(from, other);
        await browser.ScreenshotAsync("account");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task LabelsGivenInTheQueueAreStoredShownOnTheAccountAndTrainedOnByTrainDb()
    {
        await using var browser = await BrowserSession.LogInAsync(server, Role.Analyst, output);
        await browser.Page.GotoAsync("/ui/labels");
        await browser.ScreenshotAsync("label-queue");
        var first = await browser.Page.TextContentAsync("table[data-testid=label-queue] tbody tr:first-child td:first-child");
        await browser.Page.ClickAsync("table[data-testid=label-queue] tbody tr:first-child button[data-label=campaign]");
        await browser.Page.WaitForURLAsync("**/ui/labels");
        var second = await browser.Page.TextContentAsync("table[data-testid=label-queue] tbody tr:first-child td:first-child");
        Assert.NotEqual(first, second);
        await browser.Page.ClickAsync("table[data-testid=label-queue] tbody tr:first-child button[data-label=organic]");
        await browser.Page.WaitForURLAsync("**/ui/labels");

        await browser.Page.GotoAsync("/ui/account?id=" + Uri.EscapeDataString(first!));
        Assert.Contains("campaign", await browser.Page.TextContentAsync("ul[data-testid=labels]") ?? "", StringComparison.Ordinal);
        Assert.Contains("by alice", await browser.Page.TextContentAsync("ul[data-testid=labels]") ?? "", StringComparison.Ordinal);

        var model = Path.Combine(server.Folder, "model-from-labels.json");
        await server.WhileStoppedAsync(async () => Assert.Equal(0, await CliApp.RunAsync(["train", "--db", server.DatabasePath, "--out", model])));
        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(model));
        var text = written.RootElement.GetRawText();
        Assert.Contains("\"positives\":1", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"negatives\":1", text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task AnAdminBlocksACampaignAndEveryMemberShowsTheBlockAndTheAuditChainStaysValid()
    {
        await using var browser = await BrowserSession.LogInAsync(server, Role.Admin, output);
        var campaign = server.Campaigns[^1];
        var id = campaign.GetProperty("campaign_id").GetString()!;
        await browser.Page.GotoAsync("/ui/campaign?id=" + Uri.EscapeDataString(id));
        await browser.Page.SelectOptionAsync("form.action-form select[name=action]", "block");
        await browser.Page.FillAsync("form.action-form input[name=reason]", "confirmed harvesting campaign");
        await browser.Page.ClickAsync("[data-testid=take-action]");
        await browser.Page.WaitForURLAsync("**/ui/campaign?id=*");
        Assert.Contains("block by ops: confirmed harvesting campaign", await browser.Page.TextContentAsync("dl.facts") ?? "", StringComparison.Ordinal);

        foreach (var member in campaign.GetProperty("accounts").EnumerateArray().Take(3))
        {
            await browser.Page.GotoAsync("/ui/account?id=" + Uri.EscapeDataString(member.GetString()!));
            Assert.Equal("block", await browser.Page.TextContentAsync("[data-testid=current-action]"));
        }

        await browser.Page.GotoAsync("/ui/audit");
        Assert.StartsWith("Chain valid", await browser.Page.TextContentAsync("p.chain") ?? "", StringComparison.Ordinal);
        Assert.Contains("campaign:" + id, await browser.Page.TextContentAsync("table[data-testid=audit]") ?? "", StringComparison.Ordinal);
        var verify = await server.Service.JsonAsync(HttpMethod.Get, "/v1/audit/verify", Role.Admin);
        Assert.True(verify.GetProperty("valid").GetBoolean());
        await browser.ScreenshotAsync("audit");
        Assert.Empty(browser.ConsoleErrors);
    }

    [Fact]
    public async Task AnAnalystSeesNoActionButtonAndAForgedActionPostIsRefusedWith403()
    {
        await using var browser = await BrowserSession.LogInAsync(server, Role.Analyst, output);
        var id = server.Campaigns[0].GetProperty("campaign_id").GetString()!;
        await browser.Page.GotoAsync("/ui/campaign?id=" + Uri.EscapeDataString(id));
        Assert.Equal(0, await browser.Page.Locator("[data-testid=take-action]").CountAsync());
        Assert.Equal(0, await browser.Page.Locator("nav a[href='/ui/audit']").CountAsync());

        // The analyst's own session and form token, posted by hand: the server still refuses it.
        var formToken = await browser.Page.GetAttributeAsync("header form input[name=_form_token]", "value");
        var forged = await browser.Page.APIRequest.PostAsync("/ui/actions", new APIRequestContextOptions
        {
            Form = FormOf(browser.Page.APIRequest, ("_form_token", formToken!), ("campaign_id", id), ("action", "block"), ("reason", "forged")),
            MaxRedirects = 0,
        });
        Assert.Equal(403, forged.Status);
        Assert.Equal(403, (await browser.Page.APIRequest.GetAsync("/ui/audit", new APIRequestContextOptions { MaxRedirects = 0 })).Status);

        var audit = await server.Service.JsonAsync(HttpMethod.Get, "/v1/audit?limit=1000", Role.Admin);
        Assert.DoesNotContain(audit.GetProperty("entries").EnumerateArray(), e => e.GetProperty("detail").GetString() == "forged");
    }

    [Fact]
    public async Task APostWithoutTheSessionsFormTokenIsRefusedEvenForAnAdmin()
    {
        await using var browser = await BrowserSession.LogInAsync(server, Role.Admin, output);
        var id = server.Campaigns[0].GetProperty("campaign_id").GetString()!;
        var missing = await browser.Page.APIRequest.PostAsync("/ui/actions", new APIRequestContextOptions
        {
            Form = FormOf(browser.Page.APIRequest, ("campaign_id", id), ("action", "block"), ("reason", "no token")),
            MaxRedirects = 0,
        });
        Assert.Equal(403, missing.Status);
        var wrong = await browser.Page.APIRequest.PostAsync("/ui/labels", new APIRequestContextOptions
        {
            Form = FormOf(browser.Page.APIRequest, ("_form_token", "not-the-token"), ("account_id", "x"), ("label", "organic")),
            MaxRedirects = 0,
        });
        Assert.Equal(403, wrong.Status);
    }

    [Fact]
    public async Task ScriptInAUserAgentAnAccountIdOrAModelIsShownAsTextAndNeverRuns()
    {
        await using var browser = await BrowserSession.LogInAsync(server, Role.Admin, output);
        await browser.Page.GotoAsync("/ui/account?id=" + Uri.EscapeDataString(DashboardServer.HostileAccount));
        Assert.Equal("Account " + DashboardServer.HostileAccount, await browser.Page.TextContentAsync("h1"));
        Assert.Contains(DashboardServer.HostileUserAgent, await browser.Page.TextContentAsync("ul[data-testid=user-agents]") ?? "", StringComparison.Ordinal);
        Assert.Contains(DashboardServer.HostileModel, await browser.Page.TextContentAsync("dl.facts:last-of-type") ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await browser.Page.Locator("main script, main img, main svg[onload]").CountAsync());
        await browser.ScreenshotAsync("hostile-account");

        foreach (var path in new[] { "/ui/campaigns", "/ui/labels", "/ui/audit" })
        {
            await browser.Page.GotoAsync(path);
        }

        Assert.Empty(browser.Dialogs);
        Assert.Empty(browser.ConsoleErrors);
    }

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
