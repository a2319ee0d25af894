using DistillGuard.Analysis;
using DistillGuard.Core.Model;
using DistillGuard.Core.Quantification;
using DistillGuard.Core.Scoring;
using DistillGuard.Service.State;
using Microsoft.Extensions.Logging;

namespace DistillGuard.Service.Verdicts;

/// <summary>What one relink found.</summary>
public sealed record RelinkReport(long Version, DateTimeOffset VerdictAt, int Accounts, long Exchanges, int FlaggedAccounts, int Campaigns);

/// <summary>
/// Runs the population-wide detector (<see cref="PopulationDetection"/>, the analyze host's code) over every account's
/// state, and publishes the verdicts as a new snapshot. It holds the states while it reads them (ingest waits, deciding
/// does not); relinks run one at a time, so versions are published in order. A background loop relinks every period.
/// </summary>
internal sealed class Relinker : IAsyncDisposable
{
    private readonly LiveAccounts accounts;
    private readonly VerdictBoard board;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;

    public Relinker(LiveAccounts accounts, VerdictBoard board, TimeProvider clock, ILogger logger)
    {
        this.accounts = accounts;
        this.board = board;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Relinks every <paramref name="period"/> until disposed.</summary>
    public void Start(TimeSpan period) => loop = Task.Run(() => LoopAsync(period, stopping.Token));

    public async Task<RelinkReport> RelinkAsync(CancellationToken ct)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            var (verdicts, exchanges) = await accounts.WithAsync(held => (PopulationDetection.Run(held.Table, ScoringParameters.Default, ApiPrices.Default), accounts.Exchanges), ct);
            var snapshot = new VerdictSnapshot(
                board.Current.Version + 1,
                clock.GetUtcNow(),
                verdicts.Accounts.ToDictionary(a => a.AccountId),
                verdicts.Campaigns,
                exchanges);
            board.Publish(snapshot);
            return new RelinkReport(snapshot.Version, snapshot.TakenAt, snapshot.Accounts.Count, exchanges,
                verdicts.Accounts.Count(a => a.Verdict == Verdict.Distillation), verdicts.Campaigns.Count);
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
        stopping.Dispose();
        oneAtATime.Dispose();
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
