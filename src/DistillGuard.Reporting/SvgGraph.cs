using System.Globalization;
using System.Text;
using DistillGuard.Core.Model;

namespace DistillGuard.Reporting;

/// <summary>
/// The account graph of a campaign as inline SVG: accounts as dots, each linked account's
/// strongest link as a line, laid out by a deterministic spring embedding. Readable for a few
/// hundred accounts; larger campaigns are sampled (the most linked accounts first) and say so.
/// Accounts pulled in on behaviour alone have no line and are drawn hollow.
/// </summary>
internal static class SvgGraph
{
    public const int MaxNodes = 300;
    private const double Size = 520;

    public static string Render(CampaignSummary campaign)
    {
        var degree = new Dictionary<AccountId, int>();
        foreach (var link in campaign.Links)
        {
            degree[link.From] = degree.GetValueOrDefault(link.From) + 1;
            degree[link.To] = degree.GetValueOrDefault(link.To) + 1;
        }

        var nodes = campaign.Accounts
            .OrderByDescending(a => degree.GetValueOrDefault(a))
            .ThenBy(a => a)
            .Take(MaxNodes)
            .ToArray();
        var index = nodes.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i);
        var edges = campaign.Links
            .Where(l => index.ContainsKey(l.From) && index.ContainsKey(l.To))
            .Select(l => (A: index[l.From], B: index[l.To], l.Strength))
            .ToArray();
        var positions = Layout(nodes.Length, edges.Select(e => (e.A, e.B)).ToArray());

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"graph\" viewBox=\"0 0 {Size} {Size}\" width=\"{Size}\" height=\"{Size}\" role=\"img\" aria-label=\"")
            .Append(Html.E("Account graph of campaign " + campaign.CampaignId.Value)).Append("\">\n");
        foreach (var (a, b, strength) in edges)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{positions[a].X:0.#}\" y1=\"{positions[a].Y:0.#}\" x2=\"{positions[b].X:0.#}\" y2=\"{positions[b].Y:0.#}\" stroke=\"#8a9bb0\" stroke-width=\"{Math.Clamp(strength, 0.5, 3):0.#}\"/>\n");
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            var linked = degree.ContainsKey(nodes[i]);
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{positions[i].X:0.#}\" cy=\"{positions[i].Y:0.#}\" r=\"4\" ")
                .Append(linked ? "fill=\"#c0392b\"" : "fill=\"#fff\" stroke=\"#c0392b\"")
                .Append("><title>").Append(Html.E(nodes[i].Value + (linked ? string.Empty : " (pulled in without a shared attribute: a behavioural twin or the campaign's wording)"))).Append("</title></circle>\n");
        }

        svg.Append("</svg>\n");
        if (campaign.Accounts.Count > nodes.Length)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Showing the {nodes.Length} most linked of {campaign.Accounts.Count} accounts.</p>\n");
        }

        return svg.ToString();
    }

    /// <summary>Fruchterman–Reingold from a circle, with gravity and fixed iterations: the same graph always gets the same picture.</summary>
    private static (double X, double Y)[] Layout(int n, (int A, int B)[] edges)
    {
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var angle = 2 * Math.PI * i / Math.Max(1, n);
            x[i] = Size / 2 + (Size / 3 * Math.Cos(angle));
            y[i] = Size / 2 + (Size / 3 * Math.Sin(angle));
        }

        var k = Math.Sqrt(Size * Size / Math.Max(1, n)) * 0.35;
        var dx = new double[n];
        var dy = new double[n];
        for (var step = 0; step < 120; step++)
        {
            Array.Clear(dx);
            Array.Clear(dy);
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var (ex, ey) = (x[i] - x[j], y[i] - y[j]);
                    var d2 = Math.Max(0.01, (ex * ex) + (ey * ey));
                    var f = k * k / d2;
                    dx[i] += ex * f;
                    dy[i] += ey * f;
                    dx[j] -= ex * f;
                    dy[j] -= ey * f;
                }
            }

            foreach (var (a, b) in edges)
            {
                var (ex, ey) = (x[a] - x[b], y[a] - y[b]);
                var d = Math.Max(0.1, Math.Sqrt((ex * ex) + (ey * ey)));
                var f = d / k;
                dx[a] -= ex * f;
                dy[a] -= ey * f;
                dx[b] += ex * f;
                dy[b] += ey * f;
            }

            // Gravity towards the centre keeps the many small trees of a sparse graph on the canvas.
            for (var i = 0; i < n; i++)
            {
                dx[i] -= (x[i] - (Size / 2)) * 0.05 * k;
                dy[i] -= (y[i] - (Size / 2)) * 0.05 * k;
            }

            var temperature = Size / 20 * (1 - (step / 120.0));
            for (var i = 0; i < n; i++)
            {
                var length = Math.Max(0.01, Math.Sqrt((dx[i] * dx[i]) + (dy[i] * dy[i])));
                x[i] = Math.Clamp(x[i] + (dx[i] / length * Math.Min(length, temperature)), 10, Size - 10);
                y[i] = Math.Clamp(y[i] + (dy[i] / length * Math.Min(length, temperature)), 10, Size - 10);
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => (x[i], y[i]))];
    }
}
