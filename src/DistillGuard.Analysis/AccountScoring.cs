using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Analysis;

/// <summary>Features, harvest scores, links and verdicts for every account of a run.</summary>
internal sealed record ScoredAccounts(IReadOnlyList<AccountFeatures> Features, IReadOnlyList<HarvestAssessment> Assessments, VerdictSet Verdicts);

/// <summary>Runs the pure core over the account table (features → score → link → campaign score → verdict).</summary>
internal static class AccountScoring
{
    public static ScoredAccounts Score(AccountTable table, ScoringParameters parameters)
    {
        var states = table.States.OrderBy(s => s.AccountId).ToArray();
        var features = states.Select(AccountFeatureExtractor.Extract).ToArray();
        var assessments = features.Select(f => HarvestScorer.Score(f, parameters)).ToArray();
        var candidates = states.Select((s, i) => new LinkCandidate(s, assessments[i].Probability)).ToArray();
        var linked = CampaignLinker.Link(candidates, new LinkerOptions { CandidateThreshold = parameters.CandidateThreshold });
        var profiles = features.Where(f => f.Exchanges >= BehaviourProfile.MinExchanges).ToDictionary(f => f.AccountId, BehaviourProfile.Of);
        var clusters = BehaviourMerge.Merge(linked, profiles, parameters.TwinTolerance, parameters.MergeSpreadFloor, parameters.MergeMaxFragment);
        var judged = clusters.Select(c => new ClusterAssessment(c, CombinedAssessment(c, table, parameters))).ToArray();
        var verdicts = VerdictAssembler.Assemble(features, assessments, judged, parameters);
        return new ScoredAccounts(features, assessments, verdicts);
    }

    private static HarvestAssessment CombinedAssessment(LinkedCluster cluster, AccountTable table, ScoringParameters parameters)
    {
        var combined = AccountState.Combine(new AccountId("cluster:" + cluster.Accounts[0].Value), cluster.Accounts.Select(a => table[a]));
        return HarvestScorer.Score(AccountFeatureExtractor.Extract(combined), parameters);
    }
}
