using DistillGuard.Core.Model;

namespace DistillGuard.Core.Linking;

/// <summary>
/// The behavioural profile of an account as a point in a normalised space: how one script drives
/// its accounts (reasoning asks, capability focus, task breadth, caps, timing, answer sizes) stays
/// consistent across them, while people differ. Used to pull in a campaign's accounts that share
/// no identity attribute with it.
/// </summary>
public static class BehaviourProfile
{
    public const int Dimensions = 10;

    /// <summary>Accounts with fewer exchanges have too noisy a profile to compare.</summary>
    public const int MinExchanges = 20;

    public static double[] Of(AccountFeatures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return
        [
            f.ReasoningElicitationShare,
            f.HarvestCapabilityShare,
            f.FirstTurnShare,
            f.MaxTokensSetShare,
            Math.Log2(1 + f.MeanMaxTokens) / 16,
            f.ZeroTemperatureShare,
            f.ToolUseShare,
            Math.Log10(1 + f.ExchangesPerActiveDay) / 3,
            f.HourEntropy,
            Math.Log10(1 + f.MeanOutputTokens) / 4,
        ];
    }

    /// <summary>
    /// Whether <paramref name="point"/> lies within <paramref name="tolerance"/> spreads of the
    /// members' centroid on every dimension (spreads floored so a tight campaign still has room).
    /// </summary>
    public static bool Within(IReadOnlyList<double[]> members, double[] point, double tolerance, double floor) =>
        Distance(members, point, floor) <= tolerance;

    /// <summary>The largest distance, over dimensions, from the members' centroid in units of their spread.</summary>
    public static double Distance(IReadOnlyList<double[]> members, double[] point, double floor)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(point);
        var worst = 0.0;
        for (var d = 0; d < Dimensions; d++)
        {
            var mean = members.Average(m => m[d]);
            var sd = Math.Sqrt(members.Average(m => (m[d] - mean) * (m[d] - mean)));
            worst = Math.Max(worst, Math.Abs(point[d] - mean) / Math.Max(sd, floor));
        }

        return worst;
    }
}
