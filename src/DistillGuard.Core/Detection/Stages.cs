using DistillGuard.Core.Detection.Stages.TemplateFamilies;
using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Core.Detection;

/// <summary>Typed features of each account's state.</summary>
internal sealed class AccountFeaturesStage : IDetectionStage
{
    public string Name => "account-features";

    public DetectionState Run(DetectionState state)
    {
        AccountFeatures[] features = [.. state.States.Select(AccountFeatureExtractor.Extract)];
        return state with
        {
            Features = features,
            Profiles = BehaviourProfile.Comparable(features),
            Phrases = state.States.Select(s => (s.AccountId, Phrases: s.Phrases.Recurring())).Where(p => p.Phrases.Length > 0).ToDictionary(p => p.AccountId, p => p.Phrases),
        };
    }
}

/// <summary>Each account's harvest-likeness, with its reasons.</summary>
internal sealed class HarvestScoreStage : IDetectionStage
{
    public string Name => "harvest-score";

    public DetectionState Run(DetectionState state) => state with
    {
        Assessments = [.. state.Features.Select(f => HarvestScorer.Score(f, state.Options.Scoring))],
    };
}

/// <summary>Harvest-like accounts linked through rare shared identity values, with timing evidence (<see cref="CampaignLinker"/>).</summary>
internal sealed class IdentityLinkStage : IDetectionStage
{
    public string Name => "identity-links";

    public DetectionState Run(DetectionState state)
    {
        var linking = CampaignLinker.Analyse(state.Candidates, state.Options.Linker);
        return state with { Graph = linking.Graph, Clusters = linking.Clusters };
    }
}

/// <summary>Groups of accounts that share no identity but open their tasks in the same rare frames, born in one sign-up wave (<see cref="TemplateFamilyStage"/>).</summary>
internal sealed class TemplateFamiliesStage : IDetectionStage
{
    public string Name => "template-families";

    public DetectionState Run(DetectionState state)
    {
        var threshold = state.Options.Scoring.CandidateThreshold;
        var candidates = state.Candidates;
        var families = TemplateFamilyStage.Find(candidates, threshold, state.Options.TemplateFamilies);
        // The background a wave is measured against: when harvest-like accounts sign up.
        var created = candidates.Where(c => c.HarvestProbability >= threshold && c.State.CreatedTicks != long.MaxValue)
            .ToDictionary(c => c.State.AccountId, c => new DateTimeOffset(c.State.CreatedTicks, TimeSpan.Zero));
        return state with { Families = families, Clusters = TemplateFamilyStage.Link(state.Clusters, families, created, state.Options.TemplateFamilies) };
    }
}

/// <summary>An operator's separately linked clusters joined on their recurring wrapper wording (<see cref="WordingMerge"/>).</summary>
internal sealed class WordingJoinStage : IDetectionStage
{
    public string Name => "wording-join";

    public DetectionState Run(DetectionState state)
    {
        var words = new Wording(VerdictAssembler.Wording(state.Features, state.Assessments, state.Phrases, state.Options.Scoring), state.Options.Wording);
        return state with { Words = words, Clusters = WordingMerge.Merge(state.Clusters, words) };
    }
}

/// <summary>Small fragments joined to a cluster driven the same way, never to one worded apart (<see cref="BehaviourMerge"/>).</summary>
internal sealed class BehaviourJoinStage : IDetectionStage
{
    public string Name => "behaviour-join";

    public DetectionState Run(DetectionState state)
    {
        var p = state.Options.Scoring;
        var words = state.Words ?? throw new InvalidOperationException("the behaviour join reads the wording the wording join left");
        var vectors = state.Clusters.Select(c => words.Of(c.Accounts)).ToArray();
        var clusters = BehaviourMerge.Merge(state.Clusters, state.Profiles, p.MergeTolerance, p.MergeSpreadFloor, p.MergeMaxFragment,
            (i, j) => words.Apart(vectors[i], vectors[j]));
        return state with { Clusters = clusters };
    }
}

/// <summary>Each group judged on its accounts' traffic put back together: a group of colleagues does not look like a harvest when combined.</summary>
internal sealed class GroupJudgementStage : IDetectionStage
{
    public string Name => "group-judgement";

    public DetectionState Run(DetectionState state) => state with
    {
        Judged = [.. state.Clusters.Select(c => new ClusterAssessment(c, DetectionPipeline.Combined(c, a => state.ById[a], state.Options.Scoring)))],
    };
}

/// <summary>Campaigns, accounts pulled in on wording or behaviour, and every account's verdict (<see cref="VerdictAssembler"/>).</summary>
internal sealed class VerdictStage : IDetectionStage
{
    public string Name => "verdicts";

    public DetectionState Run(DetectionState state) => state with
    {
        Verdicts = VerdictAssembler.Assemble(state.Features, state.Assessments, state.Judged, state.Options.Scoring, state.Profiles, state.Phrases),
    };
}
