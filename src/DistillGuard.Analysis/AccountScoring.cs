using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Analysis;

/// <summary>Features, harvest scores, links and verdicts for every account of a run.</summary>
internal sealed record ScoredAccounts(IReadOnlyList<AccountFeatures> Features, IReadOnlyList<HarvestAssessment> Assessments, VerdictSet Verdicts);

/// <summary>Runs the pure core over the account table (features → score → link → verdict).</summary>
internal static class AccountScoring
{
    public static ScoredAccounts Score(AccountTable table, ScoringParameters parameters)
    {
        var states = table.States.OrderBy(s => s.AccountId).ToArray();
        var features = states.Select(AccountFeatureExtractor.Extract).ToArray();
        var assessments = features.Select(f => HarvestScorer.Score(f, parameters)).ToArray();
        var candidates = states.Select((s, i) => new LinkCandidate(s, assessments[i].Probability)).ToArray();
        var clusters = CampaignLinker.Link(candidates, new LinkerOptions { CandidateThreshold = parameters.CandidateThreshold });
        var verdicts = VerdictAssembler.Assemble(features, assessments, clusters, parameters);
        return new ScoredAccounts(features, assessments, verdicts);
    }
}
