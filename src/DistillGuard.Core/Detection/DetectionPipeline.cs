using DistillGuard.Core.Detection.Stages.BehaviourJoin;
using DistillGuard.Core.Detection.Stages.FeatureExtraction;
using DistillGuard.Core.Detection.Stages.GroupJudgement;
using DistillGuard.Core.Detection.Stages.HarvestScore;
using DistillGuard.Core.Detection.Stages.IdentityLinks;
using DistillGuard.Core.Detection.Stages.TemplateFamilies;
using DistillGuard.Core.Detection.Stages.Verdicts;
using DistillGuard.Core.Detection.Stages.WordingJoin;
using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Detection;

/// <summary>What detection knows of a run so far; each stage reads what the stages before it left and adds its own part.</summary>
public sealed record DetectionState(IReadOnlyList<AccountState> States, DetectionOptions Options)
{
    public IReadOnlyList<AccountFeatures> Features { get; init; } = [];
    public IReadOnlyList<HarvestAssessment> Assessments { get; init; } = [];
    public IReadOnlyDictionary<AccountId, uint[]> Phrases { get; init; } = new Dictionary<AccountId, uint[]>();

    /// <summary>The accounts' comparable behavioural profiles (<see cref="BehaviourProfile.Comparable"/>).</summary>
    public IReadOnlyDictionary<AccountId, double[]> Profiles { get; init; } = new Dictionary<AccountId, double[]>();

    /// <summary>Every harvest-like account's rare recurring phrases, read as wording (set by the wording join).</summary>
    public Wording? Words { get; init; }

    /// <summary>The identity linker's evidence graph (for explain and the store).</summary>
    public EvidenceGraph? Graph { get; init; }

    public IReadOnlyList<TemplateFamily> Families { get; init; } = [];

    /// <summary>The linked groups as the last stage left them.</summary>
    public IReadOnlyList<LinkedCluster> Clusters { get; init; } = [];

    /// <summary>The groups judged on their combined traffic.</summary>
    public IReadOnlyList<ClusterAssessment> Judged { get; init; } = [];

    public VerdictSet? Verdicts { get; init; }

    /// <summary>The accounts' states by id, to read a group's traffic put back together.</summary>
    public IReadOnlyDictionary<AccountId, AccountState> ById { get; } = States.ToDictionary(s => s.AccountId);

    /// <summary>The accounts as the linker sees them: state and harvest-likeness.</summary>
    public IReadOnlyList<LinkCandidate> Candidates => [.. States.Select((s, i) => new LinkCandidate(s, Assessments[i].Probability))];
}

/// <summary>One step of detection: typed state in, the same state with its part added out. Pure.</summary>
public interface IDetectionStage
{
    /// <summary>A stable name, as the order lists it.</summary>
    string Name { get; }

    DetectionState Run(DetectionState state);
}

/// <summary>
/// The stages of detection, in order: read this list to know the flow. Per-account work (features, scores) comes first and
/// needs nothing but one account's state; everything after it reads the whole population. A host may put a stage of its
/// own in (the semantic join, which needs an encoder) with <see cref="With"/>.
/// </summary>
public static class DetectionPipeline
{
    public static IReadOnlyList<IDetectionStage> Stages { get; } =
    [
        new AccountFeaturesStage(),      // per account: mergeable state → typed features
        new HarvestScoreStage(),         // per account: features → harvest-likeness with reasons
        new IdentityLinkStage(),         // shared cards, addresses, networks, with timing evidence
        new TemplateFamiliesStage(),     // rare frames shared by accounts born in one sign-up wave
        new WordingJoinStage(),          // an operator's clusters joined on their recurring wrapper wording
        new BehaviourJoinStage(),        // small fragments joined to a cluster driven the same way
        new GroupJudgementStage(),       // each group judged on its accounts' traffic put back together
        new VerdictStage(),              // phrase pull-in, behavioural twins, campaign confidence, verdicts
    ];

    /// <summary>The stages with <paramref name="stage"/> put in after the one named <paramref name="after"/>.</summary>
    public static IReadOnlyList<IDetectionStage> With(IDetectionStage stage, string after)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var at = Stages.Select((s, i) => (s, i)).Single(x => x.s.Name == after).i;
        return [.. Stages.Take(at + 1), stage, .. Stages.Skip(at + 1)];
    }

    /// <summary>Runs <paramref name="stages"/> (default: <see cref="Stages"/>) over the accounts, in id order.</summary>
    public static DetectionState Run(IEnumerable<AccountState> states, DetectionOptions options, IReadOnlyList<IDetectionStage>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var state = new DetectionState([.. states.OrderBy(s => s.AccountId)], options);
        foreach (var stage in stages ?? Stages)
        {
            state = stage.Run(state);
        }

        return state;
    }

    /// <summary>The harvest assessment of a group's accounts' traffic put back together, as if one account had sent it.</summary>
    /// <param name="stateOf">Each account's state.</param>
    public static HarvestAssessment Combined(LinkedCluster cluster, Func<AccountId, AccountState> stateOf, ScoringParameters parameters) =>
        HarvestScorer.Score(CombinedFeatures(cluster, stateOf), parameters);

    /// <summary>The features of a group's accounts' traffic put back together.</summary>
    /// <param name="stateOf">Each account's state.</param>
    public static AccountFeatures CombinedFeatures(LinkedCluster cluster, Func<AccountId, AccountState> stateOf)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(stateOf);
        return AccountFeatureExtractor.Extract(AccountState.Combine(new AccountId("cluster:" + cluster.Accounts[0].Value), cluster.Accounts.Select(stateOf)));
    }
}
