using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.World;

/// <summary>
/// When an operator's sign-up script runs: once every <see cref="Period"/>, at a fixed phase, registering the
/// accounts the operator will need within a few minutes (<see cref="Spread"/>), a handful at a time. An account is made by the last
/// run before the time a one-by-one sign-up would have made it, so the operator's accounts come in bursts.
/// </summary>
internal sealed record SignupBatches(TimeSpan Period, TimeSpan Phase)
{
    /// <summary>How long one run of the script takes to register its accounts.</summary>
    public static readonly TimeSpan Spread = TimeSpan.FromMinutes(8);

    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A script that makes 4–12 accounts a run: it runs as often as the operator's <paramref name="accounts"/>, needed
    /// over <paramref name="spanDays"/>, require at that batch size (at most every hour, at least every two weeks).
    /// </summary>
    public static SignupBatches Draw(Random schedule, int accounts, double spanDays)
    {
        var batch = schedule.Uniform(4, 12);
        var hours = Math.Clamp(spanDays * 24 * batch / Math.Max(1, accounts), 1, 14 * 24);
        var period = TimeSpan.FromHours(hours);
        return new SignupBatches(period, period * schedule.NextDouble());
    }

    /// <summary>
    /// The creation time of an account needed by <paramref name="reference"/>: the run of the script before the
    /// time <see cref="Identities.CreatedBefore"/> would give. Draws exactly what that does, so the streams of
    /// everything else stay as they were.
    /// </summary>
    public DateTimeOffset CreatedBefore(Random rng, DateTimeOffset reference, double minDays, double maxDays)
    {
        var wanted = reference.AddDays(-rng.Uniform(minDays, maxDays));
        var within = rng.Next(0, 1000) / 1000.0;
        var runs = Math.Floor((wanted - Epoch - Phase) / Period);
        return Epoch + Phase + (Period * runs) + (Spread * within);
    }
}
