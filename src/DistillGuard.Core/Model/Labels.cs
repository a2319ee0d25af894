namespace DistillGuard.Core.Model;

/// <summary>Ground truth for one account, a row of <c>labels.csv</c>.</summary>
public sealed record AccountLabel(AccountId AccountId, bool IsCampaign, string? CampaignId, string? Kind);

/// <summary>The verdict categories of <c>accounts.csv</c>.</summary>
public enum Verdict
{
    Benign = 0,
    Suspicious,
    Distillation,
}

public static class VerdictText
{
    public static string ToContract(this Verdict verdict) => verdict switch
    {
        Verdict.Suspicious => "suspicious",
        Verdict.Distillation => "distillation",
        _ => "benign",
    };

    public static bool TryParse(string text, out Verdict verdict)
    {
        switch (text.Trim())
        {
            case "benign": verdict = Verdict.Benign; return true;
            case "suspicious": verdict = Verdict.Suspicious; return true;
            case "distillation": verdict = Verdict.Distillation; return true;
            default: verdict = Verdict.Benign; return false;
        }
    }
}
