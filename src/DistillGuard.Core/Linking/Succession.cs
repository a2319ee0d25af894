using DistillGuard.Core.Features;

namespace DistillGuard.Core.Linking;

/// <summary>
/// Hydra succession: one account's activity ends and another's begins within a few hours, the two
/// sharing infrastructure or a wrapper template — an operator replacing a banned or exhausted
/// account. Checked only on pairs that already share such a value, whose purity scales the weight: every pair of a
/// value read whole, and for a value read as a ring (<see cref="CandidatePairs"/>) the pairs found in time order.
/// </summary>
internal static class Succession
{
    /// <summary>Hours from the earlier account's last call to the later one's first, when the pair is a succession; null otherwise.</summary>
    public static double? GapHours(AccountState a, AccountState b, LinkerOptions options)
    {
        var (first, next) = a.LastTicks <= b.LastTicks ? (a, b) : (b, a);
        var gap = next.FirstTicks - first.LastTicks;
        var minSpan = options.SuccessionMinSpan.Ticks;
        if (gap < 0 || gap > options.SuccessionMaxGap.Ticks
            || first.LastTicks - first.FirstTicks < minSpan || next.LastTicks - next.FirstTicks < minSpan)
        {
            return null;
        }

        return gap / (double)TimeSpan.TicksPerHour;
    }

    /// <summary>
    /// The successions among a value's carriers found in time order, for a value too common to read pair by pair: each
    /// carrier with up to <paramref name="neighbours"/> carriers whose first call came within the gap after its last,
    /// earliest first. Every succession of the carriers is found while no carrier has more successors than that.
    /// </summary>
    public static IEnumerable<(int First, int Next, double GapHours)> InTimeOrder(
        int[] carriers, LinkCandidate[] ordered, int neighbours, LinkerOptions options)
    {
        var byStart = carriers.OrderBy(c => ordered[c].State.FirstTicks).ThenBy(c => c).ToArray();
        var starts = byStart.Select(c => ordered[c].State.FirstTicks).ToArray();
        foreach (var first in carriers)
        {
            var last = ordered[first].State.LastTicks;
            var from = LowerBound(starts, last);
            var taken = 0;
            for (var x = from; x < byStart.Length && starts[x] - last <= options.SuccessionMaxGap.Ticks && taken < neighbours; x++)
            {
                if (byStart[x] == first)
                {
                    continue;
                }

                taken++;
                if (GapHours(ordered[first].State, ordered[byStart[x]].State, options) is { } gap)
                {
                    yield return (first, byStart[x], gap);
                }
            }
        }
    }

    private static int LowerBound(long[] sorted, long value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = sorted[middle] < value ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
