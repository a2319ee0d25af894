namespace DistillGuard.Reporting;

/// <summary>The report's inline stylesheet: system fonts only, printable.</summary>
internal static class ReportStyle
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 1000px; color: #1d1d1f; line-height: 1.45; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.2rem; }
        h3 { font-size: 1.05rem; margin-top: 1.4rem; }
        .headline { font-size: 1.2rem; background: #fff4f2; border-left: 4px solid #c0392b; padding: .8rem 1rem; }
        .headline.none { background: #f2f7f2; border-left-color: #2e7d32; }
        .muted, .empty { color: #666; font-size: .9rem; }
        .warning { border-left: 4px solid #b00020; padding: .4rem .8rem; background: #fff4f4; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .6rem 0; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f6f6f6; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: .2rem 1.2rem; }
        dl.facts dt { color: #555; }
        dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
        svg.chart { width: 100%; height: auto; font-size: 11px; fill: #333; }
        svg.chart .bar { fill: #5b7fa6; }
        svg.chart .bar.target { fill: #c0392b; }
        svg.chart .axis { stroke: #888; }
        svg.chart .grid { stroke: #ddd; stroke-dasharray: 3 3; }
        ul.evidence li { margin-bottom: .2rem; }
        section.campaign { page-break-inside: avoid; }
        code { font-size: .85rem; word-break: break-all; }
        """;
}
