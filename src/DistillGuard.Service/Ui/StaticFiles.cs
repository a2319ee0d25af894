using DistillGuard.Reporting;

namespace DistillGuard.Service.Ui;

/// <summary>The stylesheet (the report's, plus the dashboard's own rules) and the script, embedded in the assembly and served by the app.</summary>
internal static class StaticFiles
{
    public static string Stylesheet { get; } = ReportStyle.Css + "\n" + Read("dashboard.css");

    public static string Script { get; } = Read("dashboard.js");

    private static string Read(string name)
    {
        using var stream = typeof(StaticFiles).Assembly.GetManifestResourceStream("DistillGuard.Ui." + name)
            ?? throw new InvalidOperationException("embedded dashboard file missing: " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
