using DistillGuard.Core.Linking;
using DistillGuard.Core.Privacy;

namespace DistillGuard.Analysis;

/// <summary>
/// Replaces the linker's in-memory value hashes (fast and unkeyed, so an IP or a card could be
/// guessed back from them) with keyed hashes before evidence edges are stored: the store can still
/// tell that two edges share one instrument, and nobody without the key can test a guess.
/// </summary>
internal static class EdgeMinimiser
{
    /// <remarks>One shared value is on many edges (a card shared by n accounts is on n(n−1) of them), so each distinct value is keyed once.</remarks>
    public static IReadOnlyList<AccountEdges> Minimise(IReadOnlyList<AccountEdges> edges, KeyedHasher hasher)
    {
        var keyed = new Dictionary<ulong, ulong> { [0] = 0 };
        ulong Keyed(ulong value)
        {
            if (!keyed.TryGetValue(value, out var hash))
            {
                hash = hasher.Hash(value);
                keyed[value] = hash;
            }

            return hash;
        }

        return edges.Select(a => a with { Edges = a.Edges.Select(e => e with { Value = Keyed(e.Value) }).ToArray() }).ToArray();
    }
}
