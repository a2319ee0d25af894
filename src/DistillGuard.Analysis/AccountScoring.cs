using DistillGuard.Core.Detection;
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

/// <summary>Runs the pure core's detection stages (<see cref="DetectionPipeline"/>) over the account table.</summary>
internal static class AccountScoring
{
    /// <param name="semantic">The embedding pass and the wrapper samples it reads; null to leave it out.</param>
    public static ScoredAccounts Score(AccountTable table, DetectionOptions options, (EmbeddingOptions Options, WrapperSamples Samples, long Exchanges)? semantic = null)
    {
        var join = semantic is { } s ? new SemanticJoinStage(table, s.Samples, s.Options, s.Exchanges) : null;
        var stages = join is null ? DetectionPipeline.Stages : DetectionPipeline.With(join, after: "group-judgement");
        var run = DetectionPipeline.Run(table.States, options, stages);
        var verdicts = run.Verdicts!;
        return new ScoredAccounts(run.Features, run.Assessments, verdicts,
            Edges(run.Graph!, run.Judged.Select(j => j.Cluster), verdicts, options.Linker), join?.Report ?? EmbeddingReport.None);
    }

    /// <summary>
    /// The strongest edges of every account in a linked group or flagged, for explain and the store, in account order; each
    /// account's are picked on its own (the graph is only read), so the accounts are shared out over the processors.
    /// </summary>
    private static AccountEdges[] Edges(EvidenceGraph graph, IEnumerable<LinkedCluster> clusters, VerdictSet verdicts, LinkerOptions options)
    {
        AccountId[] accounts = [.. clusters.SelectMany(c => c.Accounts)
            .Concat(verdicts.Accounts.Where(v => v.Verdict == Verdict.Distillation).Select(v => v.AccountId))
            .Distinct()
            .Order()];
        var edges = new AccountEdges[accounts.Length];
        Parallel.For(0, accounts.Length, i => edges[i] = graph.EdgesOf(accounts[i], options.MaxEdgesPerAccount));
        return [.. edges.Where(e => e.Edges.Count > 0)];
    }
}

/// <summary>The semantic join as a detection stage: campaign clusters whose wrappers mean the same (MiniLM), after group judgement.</summary>
internal sealed class SemanticJoinStage(AccountTable table, WrapperSamples samples, EmbeddingOptions options, long exchanges) : IDetectionStage
{
    public string Name => "semantic-join";

    /// <summary>What the pass did, once it has run.</summary>
    public EmbeddingReport Report { get; private set; } = EmbeddingReport.None;

    public DetectionState Run(DetectionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (judged, report) = SemanticLinking.Apply(state.Judged, table, samples, options, state.Options.Scoring, exchanges);
        Report = report;
        return state with { Judged = judged };
    }
}
