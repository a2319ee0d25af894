namespace DistillGuard.Core.Scoring;

/// <summary>
/// Weights of the harvest-likeness model, in log-odds per unit of a [0,1] signal. Risk signals
/// carry non-negative weights and mitigations non-positive ones, so the score never falls when
/// a risk signal grows. The defaults are hand-set priors documented in docs/scoring.md; a
/// trained model file replaces them.
/// </summary>
public sealed record ScoringParameters
{
    public double Bias { get; init; } = -6.0;
    public double ReasoningElicitation { get; init; } = 1.6;
    public double HarvestCapability { get; init; } = 1.2;
    public double Breadth { get; init; } = 1.4;
    public double OutputEconomics { get; init; } = 1.4;
    public double MaxTokensPressure { get; init; } = 0.9;
    public double ReasoningBudget { get; init; } = 0.8;
    public double RoundTheClock { get; init; } = 0.7;
    public double FreshAccount { get; init; } = 0.6;
    public double TemplateReuse { get; init; } = 0.5;
    public double Volume { get; init; } = 0.6;

    /// <summary>Mitigation: long dependent conversations (a person or agent working on one problem).</summary>
    public double ConversationDepth { get; init; } = -2.5;

    /// <summary>Mitigation: tool results fed back into the conversation (answers actually used).</summary>
    public double ToolFeedback { get; init; } = -1.0;

    /// <summary>Log-odds added for membership of a linked campaign, at full association strength.</summary>
    public double Coordination { get; init; } = 6.0;

    /// <summary>Harvest-likeness (probability) above which an account is a linking candidate.</summary>
    public double CandidateThreshold { get; init; } = 0.03;

    /// <summary>Log-odds a linked cluster gains per doubling of its accounts.</summary>
    public double CampaignSize { get; init; } = 0.75;

    /// <summary>Campaign confidence (combined traffic plus size) at or above which a cluster is a campaign.</summary>
    public double CampaignThreshold { get; init; } = 0.5;

    /// <summary>
    /// Prediction spreads from a campaign's centroid, on every dimension, within which an unlinked account
    /// counts as its behavioural twin: 2.58 is the two-sided 99 % band of one dimension. With spreads measured
    /// on 8–27 members, a further account of the same driver falls inside it on all ten dimensions about eight
    /// times in ten (<c>ProfileSpreadTests</c>); two plain spreads, the rule before, held fewer than half.
    /// </summary>
    public double TwinTolerance { get; init; } = 2.58;

    /// <summary>Spreads (standard deviations) within which two linked groups' centroids must lie of each other for behavioural merging.</summary>
    public double MergeTolerance { get; init; } = 2.0;

    /// <summary>Association given to a behavioural twin (a linked member has up to 1).</summary>
    public double TwinAssociation { get; init; } = 0.8;

    /// <summary>
    /// Smallest spread assumed on a dimension of a campaign's profile when an unlinked account is measured against it
    /// (a campaign whose members agree exactly on a dimension would otherwise admit no twin at all on it).
    /// </summary>
    public double TwinSpreadFloor { get; init; } = 0.03;

    /// <summary>Smallest spread assumed for a linked group when comparing behavioural profiles of groups.</summary>
    public double MergeSpreadFloor { get; init; } = 0.08;

    /// <summary>Linked groups up to this size are fragments that behavioural merging may join.</summary>
    public int MergeMaxFragment { get; init; } = 5;

    /// <summary>Profiled members a campaign needs before it can pull in twins.</summary>
    public int TwinMinMembers { get; init; } = 3;

    /// <summary>Final risk at or above which a campaign member is a distillation verdict.</summary>
    public double DistillationThreshold { get; init; } = 0.8;

    /// <summary>Final risk at or above which an account is suspicious.</summary>
    public double SuspiciousThreshold { get; init; } = 0.5;

    /// <summary>The named curves each signal reads behaviour through (the signals' shapes; a trained model keeps them).</summary>
    public SignalCurves Curves { get; init; } = SignalCurves.Default;

    public static ScoringParameters Default { get; } = new();

    public void Validate()
    {
        Curves.Validate();
        // Each signal's definition says which way it may move the score; the campaign terms are risks.
        if (HarvestSignals.Definitions.Any(d => !SignalWeights.HasAllowedSign(d.Id, d.Weight(this)))
            || double.IsNaN(Coordination) || Coordination < 0 || double.IsNaN(CampaignSize) || CampaignSize < 0)
        {
            throw new ArgumentException("risk weights must be non-negative and mitigation weights non-positive");
        }
    }
}
