namespace DistillGuard.Core.Storage;

using DistillGuard.Core.Model;

/// <summary>Whether a stored run finished: a run that crashed midway stays <see cref="Running"/> until the next run starts, which marks it <see cref="Failed"/>.</summary>
public enum RunStatus
{
    Running = 0,
    Complete,

    /// <summary>Never completed (the process was killed or crashed); its rows were removed when the next run began.</summary>
    Failed,
}

/// <summary>A run as the store lists it: its identity, its status and, once complete, its result sizes.</summary>
public sealed record StoredRun(RunInfo Run, RunStatus Status, int Accounts, int FlaggedAccounts, int Campaigns);
