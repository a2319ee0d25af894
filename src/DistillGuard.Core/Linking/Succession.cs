using DistillGuard.Core.Features;

namespace DistillGuard.Core.Linking;

/// <summary>
/// Hydra succession: one account's activity ends and another's begins within a few hours, the two
/// sharing infrastructure or a wrapper template — an operator replacing a banned or exhausted
/// account. Checked only on pairs that already share such a value, whose purity scales the weight.
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
}
