namespace DistillGuard.Core.Storage;

using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sharing;

/// <summary>
/// Storage of runs, minimised exchanges and results behind a small interface, so later hosts
/// (a service, a cluster) can swap the engine. Implementations are not thread-safe: one run
/// writes through one store instance.
/// </summary>
public interface IAnalysisStore : IDisposable
{
    /// <summary>Registers the run with status <see cref="RunStatus.Running"/>.</summary>
    void BeginRun(RunInfo run);

    /// <summary>
    /// Appends a batch of minimised exchanges to a run begun earlier; called many times. Rows may be
    /// buffered: they are in the store once <see cref="CompleteRun"/> or <see cref="IDisposable.Dispose"/> returns.
    /// </summary>
    void AppendExchanges(string runId, IReadOnlyList<StoredExchange> batch);

    /// <summary>
    /// Stores features, verdicts with reasons and campaigns in one transaction and marks the
    /// run <see cref="RunStatus.Complete"/> with the counts and wall time of <paramref name="result"/>.
    /// </summary>
    void CompleteRun(AnalysisResult result, IReadOnlyList<AccountFeatures> features);

    /// <summary>
    /// <see cref="CompleteRun(AnalysisResult, IReadOnlyList{AccountFeatures})"/> together with the run's evidence edges
    /// (as <see cref="AppendLinkEdges"/> takes them) and a step of the caller's that must be done before the run counts as
    /// complete (writing its output files, say): all three are under way at once, and the run is marked complete only once
    /// every one of them has finished; a failure of any leaves it incomplete and is thrown once the others have stopped.
    /// </summary>
    void CompleteRun(AnalysisResult result, IReadOnlyList<AccountFeatures> features, IReadOnlyList<AccountEdges> edges, Action meanwhile);

    /// <summary>
    /// Stores the evidence edges of a run's linked and flagged accounts, each account's strongest
    /// partners only; value hashes must already be keyed (never the linker's in-memory hashes).
    /// </summary>
    void AppendLinkEdges(string runId, IReadOnlyList<AccountEdges> edges);

    /// <summary>The stored edges of the given accounts of a run (accounts without edges are left out), in stored order.</summary>
    IReadOnlyList<AccountEdges> LoadLinkEdges(string runId, IReadOnlyList<AccountId> accounts);

    /// <summary>
    /// Exchanges and output tokens per UTC day, ASNs, countries and models per day over each set of accounts of a run
    /// (a run's campaigns, say), one breakdown per set in the order of the sets; the cost is a few passes over the
    /// run's stored exchanges, whatever the number of sets.
    /// </summary>
    IReadOnlyList<CampaignBreakdown> Breakdowns(string runId, IReadOnlyList<IReadOnlyList<AccountId>> sets);

    /// <summary>Stores the accounts' indicators hashed with a sharing group's key (identified by <paramref name="keyId"/>).</summary>
    void SaveSharingFingerprints(string runId, string keyId, IReadOnlyList<SharingFingerprint> fingerprints);

    /// <summary>The sharing key id and fingerprints of a run; null when the run was analysed without a sharing key.</summary>
    (string KeyId, IReadOnlyList<SharingFingerprint> Fingerprints)? LoadSharingFingerprints(string runId);

    /// <summary>Every run in the store, oldest first, with its status.</summary>
    IReadOnlyList<StoredRun> ListRuns();

    /// <summary>Verdicts, reasons and campaigns of a complete run; null when the run is unknown or not complete.</summary>
    AnalysisResult? LoadRun(string runId);

    /// <summary>The stored features of one account in a run; null when absent.</summary>
    AccountFeatures? LoadFeatures(string runId, AccountId account);
}
