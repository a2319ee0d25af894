using System.Text.Json;
using DistillGuard.Analysis;
using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Model;
using DistillGuard.Core.Quantification;
using DistillGuard.Service.Audit;
using DistillGuard.Service.Decisions;
using DistillGuard.Service.Server;
using DistillGuard.Service.State;
using Microsoft.Extensions.Logging;

namespace DistillGuard.Service.Verdicts;

/// <summary>What one relink found.</summary>
/// <param name="ActionsChanged">Accounts whose action under the policy changed with this relink, each written to the audit log.</param>
public sealed record RelinkReport(long Version, DateTimeOffset VerdictAt, int Accounts, long Exchanges, int FlaggedAccounts, int Campaigns, int ActionsChanged)
{
    /// <summary>The version label of the scoring the relink used (<c>default-v1</c>, or a model file's <c>trained-v…</c> with its hash).</summary>
    public string ModelVersion { get; init; } = ScoringChoice.Default.Version;
}

/// <summary>The evidence an audit entry of a policy action carries.</summary>
public sealed record PolicyActionDetail(string Verdict, double RiskScore, string? CampaignId, IReadOnlyList<string> Reasons, long VerdictVersion, DateTimeOffset? ExpiresAt);

/// <summary>
/// Runs the population-wide detector (<see cref="PopulationDetection"/>, the analyze host's code) over every account's
/// state, and publishes the verdicts as a new snapshot. It holds the states only while it copies them (their binary
/// snapshot, which reads back exactly), so neither ingest nor deciding waits on linking; relinks run one at a time, so
/// versions are published in order. Every account whose action under the policy changes is written to the audit log before the snapshot is published, so no action is decided that is not recorded.
/// Each relink also saves the states it read as the store's state snapshot (<see cref="StateSnapshots"/>), which strips the
/// text of the records it covers.
/// A background loop relinks every period.
/// </summary>
internal sealed class Relinker : IAsyncDisposable
{
    private readonly LiveAccounts accounts;
    private readonly ExchangeJournal journal;
    private readonly StateSnapshots snapshots;
    private readonly VerdictBoard board;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly AuditLog audit;
    private readonly IDecisionPolicy policy;
    private readonly ScoringChoice scoring;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly List<Func<CancellationToken, Task>> followers = [];
    private readonly List<Task> running = [];
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;

    /// <param name="scoring">The detection options and weights each relink uses (the config's, as <c>analyze</c> takes them).</param>
    public Relinker(
        LiveAccounts accounts, ExchangeJournal journal, VerdictBoard board, AuditLog audit, IDecisionPolicy policy, ScoringChoice scoring, TimeProvider clock,
        ILogger logger)
    {
        this.scoring = scoring;
        this.journal = journal;
        snapshots = new StateSnapshots(journal);
        this.audit = audit;
        this.policy = policy;
        this.accounts = accounts;
        this.board = board;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>
    /// Work started in the background once now and after each published snapshot, never awaited by the relink (the
    /// dashboard's activity index catching up, so a page does not pay for it). A failure is logged and the next relink
    /// starts it again.
    /// </summary>
    public void AfterEachRelink(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (followers)
        {
            followers.Add(work);
        }

        Follow(work);
    }

    /// <summary>Relinks every <paramref name="period"/> until disposed.</summary>
    public void Start(TimeSpan period) => loop = Task.Run(() => LoopAsync(period, stopping.Token));

    public async Task<RelinkReport> RelinkAsync(CancellationToken ct)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            // Under the accounts' lock only long enough to copy the states (their binary snapshot); linking runs on the copy,
            // so ingest goes on while it does.
            var (exchanges, state) = await accounts.WithAsync(
                held => (accounts.Exchanges, new StateSnapshot(journal.Count, clock.GetUtcNow(), held.Accounts, AccountTableCodec.Write(held.Table))),
                ct);
            var copy = new AccountTable();
            AccountTableCodec.ReadInto(copy, state.State);
            var verdicts = PopulationDetection.Run(copy, scoring.Options, ApiPrices.Default);
            var (now, version) = (clock.GetUtcNow(), board.Current.Version + 1);
            var changes = Changes(verdicts.Accounts, now, version);
            audit.Append(changes);
            var snapshot = new VerdictSnapshot(version, now, verdicts.Accounts.ToDictionary(a => a.AccountId), verdicts.Campaigns, exchanges)
            {
                Edges = verdicts.Edges.ToDictionary(e => e.Account),
            };
            board.Publish(snapshot);
            snapshots.Save(state);
            lock (followers)
            {
                followers.ForEach(Follow);
            }

            return new RelinkReport(snapshot.Version, snapshot.TakenAt, snapshot.Accounts.Count, exchanges,
                verdicts.Accounts.Count(a => a.Verdict == Verdict.Distillation), verdicts.Campaigns.Count, changes.Count)
            {
                ModelVersion = scoring.Version,
            };
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await loop;
        Task[] pending;
        lock (running)
        {
            pending = [.. running];
        }

        await Task.WhenAll(pending);
        stopping.Dispose();
        oneAtATime.Dispose();
    }

    /// <summary>The accounts whose action differs from the last one the audit log holds for them (none: allow).</summary>
    private List<AuditDraft> Changes(IReadOnlyList<AccountVerdict> verdicts, DateTimeOffset now, long version)
    {
        var changes = new List<AuditDraft>();
        foreach (var verdict in verdicts)
        {
            var decision = policy.Decide(verdict, now);
            var subject = AuditSubjects.Account(verdict.AccountId);
            if (decision.Action != (audit.CurrentAction(subject) ?? EnforcementAction.Allow))
            {
                var detail = new PolicyActionDetail(verdict.Verdict.ToContract(), verdict.RiskScore, verdict.CampaignId?.Value, decision.Reasons, version, decision.ExpiresAt);
                changes.Add(new AuditDraft(now, Policies.Actor(policy), AuditOrigin.Policy, subject, decision.Action, policy.Shadow, decision.ExpiresAt,
                    policy.Version, JsonSerializer.Serialize(detail, ServiceResults.StoredDetail)));
            }
        }

        return changes;
    }

    private void Follow(Func<CancellationToken, Task> work)
    {
        lock (running)
        {
            running.RemoveAll(t => t.IsCompleted);
            running.Add(Task.Run(() => RunFollowerAsync(work)));
        }
    }

    private async Task RunFollowerAsync(Func<CancellationToken, Task> work)
    {
        try
        {
            await work(stopping.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A follower's boundary: the relink and the service go on.
            logger.LogError(ex, "work after a relink failed; the next relink starts it again");
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task LoopAsync(TimeSpan period, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await RelinkAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The loop's boundary: the last snapshot stays in force and the next tick tries again.
                    logger.LogError(ex, "background relink failed; the previous verdicts stay in force");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
