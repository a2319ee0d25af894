using DistillGuard.Core.Detection.Stages.TemplateFamilies;
using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;

namespace DistillGuard.Analysis;

/// <summary>Features, harvest scores, links, verdicts and the evidence edges of linked or flagged accounts for every account of a run.</summary>
internal sealed record ScoredAccounts(
    IReadOnlyList<AccountFeatures> Features,
    IReadOnlyList<HarvestAssessment> Assessments,
    VerdictSet Verdicts,
    IReadOnlyList<AccountEdges> Edges,
    EmbeddingReport Embeddings);

/// <summary>Runs the pure core over the account table (features → score → link → campaign score → verdict).</summary>
internal static class AccountScoring
{
    /// <param name="semantic">The embedding pass and the wrapper samples it reads; null to leave it out.</param>
    public static ScoredAccounts Score(AccountTable table, ScoringParameters parameters, (EmbeddingOptions Options, WrapperSamples Samples, long Exchanges)? semantic = null)
    {
        var states = table.States.OrderBy(s => s.AccountId).ToArray();
        var features = states.Select(AccountFeatureExtractor.Extract).ToArray();
        var assessments = features.Select(f => HarvestScorer.Score(f, parameters)).ToArray();
        var candidates = states.Select((s, i) => new LinkCandidate(s, assessments[i].Probability)).ToArray();
        var options = new LinkerOptions { CandidateThreshold = parameters.CandidateThreshold };
        var linking = CampaignLinker.Analyse(candidates, options);
        // Accounts that share no identity but open their tasks in the same rare frames, born in one sign-up wave, are a
        // group of their own; identity-linked clusters made mostly of them join it.
        var families = TemplateFamilyStage.Find(candidates, parameters.CandidateThreshold, TemplateFamilyOptions.Default);
        var created = candidates.Where(c => c.HarvestProbability >= parameters.CandidateThreshold && c.State.CreatedTicks != long.MaxValue)
            .ToDictionary(c => c.State.AccountId, c => new DateTimeOffset(c.State.CreatedTicks, TimeSpan.Zero));
        var linked = TemplateFamilyStage.Link(linking.Clusters, families, created, TemplateFamilyOptions.Default);
        var profiles = BehaviourProfile.Comparable(features);
        var phrases = states.Select(s => (s.AccountId, Phrases: s.Phrases.Recurring())).Where(p => p.Phrases.Length > 0).ToDictionary(p => p.AccountId, p => p.Phrases);
        // An operator's card clusters are joined on their wrapper wording first; behaviour then joins small
        // fragments, never to a cluster worded apart (operators of one style run alike but word their wrappers apart).
        var words = new Wording(VerdictAssembler.Wording(features, assessments, phrases, parameters), new WordingMergeOptions());
        var worded = WordingMerge.Merge(linked, words);
        var vectors = worded.Select(c => words.Of(c.Accounts)).ToArray();
        var clusters = BehaviourMerge.Merge(worded, profiles, parameters.MergeTolerance, parameters.MergeSpreadFloor, parameters.MergeMaxFragment,
            (i, j) => words.Apart(vectors[i], vectors[j]));
        IReadOnlyList<ClusterAssessment> judged = clusters.Select(c => new ClusterAssessment(c, CombinedAssessment(c, table, parameters))).ToArray();
        var report = EmbeddingReport.None;
        if (semantic is { } s)
        {
            (judged, report) = SemanticLinking.Apply(judged, table, s.Samples, s.Options, parameters, s.Exchanges);
        }

        var verdicts = VerdictAssembler.Assemble(features, assessments, judged, parameters, profiles, phrases);
        return new ScoredAccounts(features, assessments, verdicts, Edges(linking.Graph, judged.Select(j => j.Cluster), verdicts, options), report);
    }

    /// <summary>The strongest edges of every account in a linked group or flagged, for explain and the store.</summary>
    private static AccountEdges[] Edges(EvidenceGraph graph, IEnumerable<LinkedCluster> clusters, VerdictSet verdicts, LinkerOptions options) =>
        clusters.SelectMany(c => c.Accounts)
            .Concat(verdicts.Accounts.Where(v => v.Verdict == Verdict.Distillation).Select(v => v.AccountId))
            .Distinct()
            .Order()
            .Select(a => graph.EdgesOf(a, options.MaxEdgesPerAccount))
            .Where(e => e.Edges.Count > 0)
            .ToArray();

    /// <summary>The harvest assessment of a cluster's accounts' traffic put back together.</summary>
    internal static HarvestAssessment CombinedAssessment(LinkedCluster cluster, AccountTable table, ScoringParameters parameters) =>
        HarvestScorer.Score(CombinedFeatures(cluster, table), parameters);

    /// <summary>The features of a cluster's accounts' traffic put back together, as if one account had sent it.</summary>
    internal static AccountFeatures CombinedFeatures(LinkedCluster cluster, AccountTable table) =>
        AccountFeatureExtractor.Extract(AccountState.Combine(new AccountId("cluster:" + cluster.Accounts[0].Value), cluster.Accounts.Select(a => table[a])));
}
