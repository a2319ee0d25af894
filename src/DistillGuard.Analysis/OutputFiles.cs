using DistillGuard.Core.Model;
using DistillGuard.Reporting;

namespace DistillGuard.Analysis;

/// <summary>Writes the contract outputs and the report of a run into its output folder.</summary>
public static class OutputFiles
{
    public static void Write(string outDir, AnalysisResult result, IReadOnlyList<AccountFeatures> features)
    {
        ArgumentNullException.ThrowIfNull(result);
        var flagged = result.Accounts.Count(a => a.Verdict == Verdict.Distillation);
        ContractOutputs.WriteAccountsCsv(Path.Combine(outDir, "accounts.csv"), result.Accounts);
        ContractOutputs.WriteCampaignsJson(Path.Combine(outDir, "campaigns.json"), result.Campaigns);
        ContractOutputs.WriteSummaryJson(Path.Combine(outDir, "summary.json"), result.Run, result.Accounts.Count, flagged, result.Campaigns.Count);
        FeaturesCsv.Write(Path.Combine(outDir, "account_features.csv"), features);
        if (result.Run.DetectionOptions is { } options)
        {
            ContractOutputs.WriteText(Path.Combine(outDir, "detection_options.json"), options);
        }
        HtmlReport.Write(Path.Combine(outDir, "report.html"), result, features);
    }
}
