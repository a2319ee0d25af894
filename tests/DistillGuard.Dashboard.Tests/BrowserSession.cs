using DistillGuard.Service.Config;
using DistillGuard.Service.Tests;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DistillGuard.Dashboard.Tests;

/// <summary>
/// A fresh browser context logged in with one role's token, that records every dialog (alert, confirm) a page opens and
/// every console error and uncaught page error, and takes screenshots into TestResults.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly ITestOutputHelper output;

    private BrowserSession(IBrowserContext context, IPage page, Uri baseAddress, ITestOutputHelper output)
    {
        this.context = context;
        this.output = output;
        Page = page;
        BaseAddress = baseAddress;
        page.Dialog += (_, dialog) =>
        {
            Dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
    }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    public List<string> Dialogs { get; } = [];

    public List<string> ConsoleErrors { get; } = [];

    public IBrowserContext Context => context;

    public static async Task<BrowserSession> OpenAsync(DashboardServer server, ITestOutputHelper output)
    {
        var baseAddress = server.Service.Http.BaseAddress!;
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return new BrowserSession(context, await context.NewPageAsync(), baseAddress, output);
    }

    public static async Task<BrowserSession> LogInAsync(DashboardServer server, Role role, ITestOutputHelper output)
    {
        var session = await OpenAsync(server, output);
        await session.Page.GotoAsync("/ui/login");
        await session.Page.FillAsync("input[name=token]", Some.Tokens[role]);
        await session.Page.ClickAsync("form.login button[type=submit]");
        await session.Page.WaitForURLAsync("**/ui/campaigns");
        return session;
    }

    /// <summary>A full-page screenshot under TestResults/dashboard-screenshots, its path written to the test output.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var folder = Path.Combine(ProjectFolder(), "TestResults", "dashboard-screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"screenshot {name}: {path}");
        return path;
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DistillGuard.Dashboard.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
