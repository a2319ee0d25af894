using DistillGuard.Core.Detection;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Quantification;

namespace DistillGuard.Analysis;

/// <summary>Every account's verdict and the campaigns found, measured: what population-wide detection concludes.</summary>
public sealed record PopulationVerdicts(IReadOnlyList<AccountVerdict> Accounts, IReadOnlyList<CampaignSummary> Campaigns)
{
    /// <summary>The strongest evidence edges of every linked or flagged account (what explain shows), for the dashboard's graph.</summary>
    public IReadOnlyList<AccountEdges> Edges { get; init; } = [];
}

/// <summary>
/// The population-wide half of detection (linking, campaign judgement, verdicts, campaign measures) over the accounts'
/// states, with the same code the batch host runs (<see cref="AccountScoring"/>, <see cref="CampaignQuantifier"/>),
/// for hosts that hold states themselves. Campaign breakdowns that need stored exchanges (timeline, ASNs) are left empty.
/// </summary>
public static class PopulationDetection
{
    public static PopulationVerdicts Run(AccountTable table, DetectionOptions options, ApiPrices prices)
    {
        ArgumentNullException.ThrowIfNull(table);
        var scored = AccountScoring.Score(table, options);
        return new PopulationVerdicts(scored.Verdicts.Accounts, CampaignQuantifier.Summarise(scored, table, null, "", prices)) { Edges = scored.Edges };
    }
}
