namespace DistillGuard.Storage.Tests;

using DistillGuard.Core.Model;
using DistillGuard.Reporting;

public sealed class AccountGraphTests
{
    private const string Hostile = "<script>alert(1)</script>";

    private static AnalysisResult WithCampaign(CampaignSummary campaign) =>
        Some.Result("r") with { Campaigns = [campaign] };

    [Fact]
    public void TheReportDrawsEveryAccountAndEveryLinkOfASmallCampaign()
    {
        var accounts = Enumerable.Range(0, 12).Select(i => "acct-" + i).ToArray();
        var links = Enumerable.Range(1, 9).Select(i => new AccountLink(new AccountId("acct-0"), new AccountId("acct-" + i), 1.2)).ToArray();
        var campaign = Some.Campaign("C1", accounts) with { Links = links };

        var html = HtmlReport.Render(WithCampaign(campaign), []);
        var graph = html[html.IndexOf("<svg class=\"graph\"", StringComparison.Ordinal)..];
        graph = graph[..(graph.IndexOf("</svg>", StringComparison.Ordinal) + 6)];

        Assert.Equal(12, Count(graph, "<circle"));
        Assert.Equal(9, Count(graph, "<line"));
        Assert.Equal(2, Count(graph, "fill=\"#fff\"")); // acct-10 and acct-11 share no attribute
        Assert.Equal(html, HtmlReport.Render(WithCampaign(campaign), [])); // the layout is deterministic
    }

    [Fact]
    public void ALargeCampaignIsSampledAndSaysSo()
    {
        var accounts = Enumerable.Range(0, 450).Select(i => "acct-" + i).ToArray();
        var campaign = Some.Campaign("C1", accounts);
        var html = HtmlReport.Render(WithCampaign(campaign), []);
        Assert.Contains("Showing the 300 most linked of 450 accounts.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AccountIdsInTheGraphAreEscaped()
    {
        var campaign = Some.Campaign("C1", [Hostile, "acct-b"]) with
        {
            Links = [new AccountLink(new AccountId(Hostile), new AccountId("acct-b"), 1)],
        };
        var html = HtmlReport.Render(WithCampaign(campaign), []);
        Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
