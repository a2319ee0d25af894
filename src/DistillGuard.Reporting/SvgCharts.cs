namespace DistillGuard.Reporting;

using System.Text;
using DistillGuard.Core.Model;

/// <summary>Charts as inline SVG strings: no script, no external resource, readable when printed.</summary>
internal static class SvgCharts
{
    private const int Width = 720;
    private const int Height = 200;
    private const int Left = 56;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 28;

    /// <summary>Vertical bars of exchanges per day; days without activity are shown as gaps.</summary>
    public static string DailyBars(IReadOnlyList<DailyCount> timeline, string label)
    {
        var days = Timelines.Dense(timeline);
        if (days.Count == 0)
        {
            return "<p class=\"empty\">No daily activity to chart.</p>";
        }

        var max = Math.Max(1, days.Max(d => d.Exchanges));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = (double)plotWidth / days.Count;
        var bar = Math.Max(1, slot * 0.8);
        var svg = new StringBuilder();
        svg.Append("<svg class=\"chart\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height)
            .Append("\" role=\"img\" aria-label=\"").Append(Html.E(label)).Append("\">");
        Axis(svg, plotHeight, Html.Count(max));
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            var h = d.Exchanges * (double)plotHeight / max;
            svg.Append("<rect class=\"bar\" x=\"").Append(Html.Number(Left + (i * slot) + ((slot - bar) / 2), "0.##"))
                .Append("\" y=\"").Append(Html.Number(Top + plotHeight - h, "0.##"))
                .Append("\" width=\"").Append(Html.Number(bar, "0.##"))
                .Append("\" height=\"").Append(Html.Number(h, "0.##")).Append("\"><title>")
                .Append(Html.E(Html.Day(d.Day) + ": " + Html.Count(d.Exchanges) + " exchanges, " + Html.Count(d.OutputTokens) + " output tokens"))
                .Append("</title></rect>");
        }

        var baseline = Height - Bottom + 16;
        Text(svg, Left, baseline, "start", Html.Day(days[0].Day));
        if (days.Count > 1)
        {
            Text(svg, Width - Right, baseline, "end", Html.Day(days[^1].Day));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars, one per capability, harvest targets drawn in the alert colour.</summary>
    public static string CapabilityBars(IReadOnlyDictionary<Capability, double> mix, string label)
    {
        const int row = 22;
        const int labelWidth = 150;
        const int barWidth = Width - labelWidth - 70;
        var height = (Capabilities.Count * row) + 8;
        var svg = new StringBuilder();
        svg.Append("<svg class=\"chart\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(height)
            .Append("\" role=\"img\" aria-label=\"").Append(Html.E(label)).Append("\">");
        var ordered = Capabilities.All.OrderByDescending(c => mix.GetValueOrDefault(c)).ThenBy(c => c).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var capability = ordered[i];
            var share = Math.Clamp(mix.GetValueOrDefault(capability), 0, 1);
            var y = 4 + (i * row);
            Text(svg, labelWidth - 8, y + 15, "end", Html.CapabilityName(capability));
            svg.Append("<rect class=\"").Append(Capabilities.IsHarvestTarget(capability) ? "bar target" : "bar")
                .Append("\" x=\"").Append(labelWidth).Append("\" y=\"").Append(y + 3)
                .Append("\" width=\"").Append(Html.Number(share * barWidth, "0.##")).Append("\" height=\"").Append(row - 6)
                .Append("\"></rect>");
            Text(svg, labelWidth + (share * barWidth) + 6, y + 15, "start", Html.Percent(share));
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Axis(StringBuilder svg, int plotHeight, string maxLabel)
    {
        svg.Append("<line class=\"axis\" x1=\"").Append(Left).Append("\" y1=\"").Append(Top + plotHeight)
            .Append("\" x2=\"").Append(Width - Right).Append("\" y2=\"").Append(Top + plotHeight).Append("\"></line>");
        svg.Append("<line class=\"grid\" x1=\"").Append(Left).Append("\" y1=\"").Append(Top)
            .Append("\" x2=\"").Append(Width - Right).Append("\" y2=\"").Append(Top).Append("\"></line>");
        Text(svg, Left - 6, Top + 4, "end", maxLabel);
        Text(svg, Left - 6, Top + plotHeight, "end", "0");
    }

    private static void Text(StringBuilder svg, double x, double y, string anchor, string text) =>
        svg.Append("<text x=\"").Append(Html.Number(x, "0.##")).Append("\" y=\"").Append(Html.Number(y, "0.##"))
            .Append("\" text-anchor=\"").Append(anchor).Append("\">").Append(Html.E(text)).Append("</text>");
}
