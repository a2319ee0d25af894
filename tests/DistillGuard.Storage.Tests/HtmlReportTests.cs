namespace DistillGuard.Storage.Tests;

using System.Text.RegularExpressions;
using DistillGuard.Core.Model;
using DistillGuard.Reporting;

public sealed class HtmlReportTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Specials = "\"'&<>";

    [Fact]
    public void TheHeadlineStatesAccountsExchangesWindowAndTargets()
    {
        var html = HtmlReport.Render(Some.Result("r"), [Some.Features("acct-a"), Some.Features("acct-b")]);

        Assert.Contains("2 accounts, 900 exchanges between 1 March 2026 and 3 March 2026, targeting coding (50%), math (30%) and reasoning (20%)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunWithoutCampaignsSaysNoCampaignWasFound()
    {
        var result = Some.Result("r") with { Campaigns = [] };

        var html = HtmlReport.Render(result, []);

        Assert.Contains("No distillation campaign was found", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReportIsSelfContained()
    {
        var html = HtmlReport.Render(Some.Result("r"), [Some.Features("acct-a")]);

        Assert.DoesNotMatch(new Regex("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryInputStringIsEscaped()
    {
        var hostile = Script + Specials;
        var campaign = Some.Campaign(hostile, [hostile], models: [hostile], evidence: [hostile]);
        var result = new AnalysisResult(
            Some.Run(hostile, input: hostile) with { ModelVersion = hostile },
            [Some.Verdict(hostile, 0.99, Verdict.Distillation, hostile, Some.Reason(hostile, 2, hostile))],
            [campaign]);
        var features = new[] { Some.Features(hostile) with { OrganizationId = hostile } };

        var html = HtmlReport.Render(result, features);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Specials, html, StringComparison.Ordinal);
        Assert.DoesNotContain("'&", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&lt;&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAccountsTableShowsAtMostFiftyFlaggedAccountsHighestScoreFirst()
    {
        var accounts = Enumerable.Range(0, 80)
            .Select(i => Some.Verdict($"acct-{i:000}", i / 100.0, Verdict.Distillation, null))
            .Append(Some.Verdict("benign-1", 0.01, Verdict.Benign, null))
            .ToList();
        var result = Some.Result("r") with { Accounts = accounts };

        var html = HtmlReport.Render(result, []);

        Assert.Contains("acct-079", html, StringComparison.Ordinal);
        Assert.Contains("acct-030", html, StringComparison.Ordinal);
        Assert.DoesNotContain("acct-029", html, StringComparison.Ordinal);
        Assert.DoesNotContain("benign-1", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("acct-079", StringComparison.Ordinal) < html.IndexOf("acct-078", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteProducesTheRenderedPage()
    {
        using var dir = Some.TempDir();
        var path = dir.File("report.html");
        var result = Some.Result("r");

        HtmlReport.Write(path, result, []);

        Assert.Equal(HtmlReport.Render(result, []), File.ReadAllText(path));
    }
}
