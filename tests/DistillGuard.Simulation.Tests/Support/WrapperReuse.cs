using System.Text.RegularExpressions;

namespace DistillGuard.Simulation.Tests.Support;

/// <summary>
/// Exact wrapper reuse within one account: the share of its prompts that carry its most common first eight
/// words, or its most common last eight words, whichever is larger (what an exact-template filter keys on).
/// </summary>
public static partial class WrapperReuse
{
    private const int Words = 8;

    public static double Of(IReadOnlyList<string> prompts)
    {
        var words = prompts.Select(p => WordPattern().Matches(p.ToLowerInvariant()).Select(m => m.Value).ToArray()).ToList();
        return Math.Max(MostCommonShare(words, w => w.Take(Words)), MostCommonShare(words, w => w.TakeLast(Words)));
    }

    private static double MostCommonShare(List<string[]> prompts, Func<string[], IEnumerable<string>> window) =>
        prompts.GroupBy(w => string.Join(' ', window(w)), StringComparer.Ordinal).Max(g => g.Count()) / (double)prompts.Count;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
