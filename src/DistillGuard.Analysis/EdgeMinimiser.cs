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
    public static IReadOnlyList<AccountEdges> Minimise(IReadOnlyList<AccountEdges> edges, KeyedHasher hasher) =>
        edges.Select(a => a with { Edges = a.Edges.Select(e => e with { Value = e.Value == 0 ? 0 : hasher.Hash(e.Value) }).ToArray() }).ToArray();
}
