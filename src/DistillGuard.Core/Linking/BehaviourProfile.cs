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

    /// <summary>
    /// The profiles that say something about who drives an account: those of accounts with enough
    /// traffic, less accounts that front many users (<see cref="Scoring.MixedTraffic"/>), whose
    /// profile is a blend of their customers' and so looks like every other proxy's.
    /// </summary>
    public static Dictionary<AccountId, double[]> Comparable(IEnumerable<AccountFeatures> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features
            .Where(f => f.Exchanges >= MinExchanges && !Scoring.MixedTraffic.Is(f))
            .ToDictionary(f => f.AccountId, Of);
    }

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

    /// <summary>The centroid and per-dimension spread of a group of profiles, computed once per group.</summary>
    public static ProfileSpread Spread(IReadOnlyList<double[]> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var mean = new double[Dimensions];
        var sd = new double[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            mean[d] = members.Average(m => m[d]);
            sd[d] = Math.Sqrt(members.Average(m => (m[d] - mean[d]) * (m[d] - mean[d])));
        }

        return new ProfileSpread(mean, sd) { Count = members.Count };
    }
}

/// <summary>A group's behavioural centroid and spread (standard deviation) on each dimension.</summary>
public sealed record ProfileSpread(double[] Mean, double[] Deviation)
{
    /// <summary>
    /// The largest distance, over dimensions, from the centroid in units of the spread (floored so
    /// a tight group still has room).
    /// </summary>
    public double Distance(double[] point, double floor)
    {
        ArgumentNullException.ThrowIfNull(point);
        var worst = 0.0;
        for (var d = 0; d < BehaviourProfile.Dimensions; d++)
        {
            worst = Math.Max(worst, Math.Abs(point[d] - Mean[d]) / Math.Max(Deviation[d], floor));
        }

        return worst;
    }

    /// <summary>The members the spread was measured on.</summary>
    public int Count { get; init; }

    /// <summary>
    /// <see cref="Distance"/> in units of the prediction spread for one more draw from the group,
    /// sd·√(1 + 1/n): how far a new account of the same driver may fall, given that the centroid
    /// itself was measured on only <see cref="Count"/> members.
    /// </summary>
    public double PredictionDistance(double[] point, double floor) =>
        Distance(point, floor) / Math.Sqrt(1 + (1.0 / Math.Max(Count, 1)));
}
