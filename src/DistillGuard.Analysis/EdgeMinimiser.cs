using DistillGuard.Core.Linking;
using DistillGuard.Core.Privacy;

namespace DistillGuard.Analysis;

/// <summary>
/// Replaces the linker's in-memory value hashes (fast and unkeyed, so an IP or a card could be
/// guessed back from them) with keyed hashes before evidence edges are stored: the store can still
/// tell that two edges share one instrument, and nobody without the key can test a guess.
/// Values that identify nothing (<see cref="LinkKinds.ValueIsIdentifier"/>: a sign-up burst's half hour) are kept as they are.
/// </summary>
internal static class EdgeMinimiser
{
    /// <remarks>One shared value is on many edges (a card shared by n accounts is on n(n−1) of them), so each distinct value is keyed once, all of them in one batch.</remarks>
    public static IReadOnlyList<AccountEdges> Minimise(IReadOnlyList<AccountEdges> edges, KeyedHasher hasher)
    {
        var values = edges.SelectMany(a => a.Edges).Where(Keyed).Select(e => e.Value).Distinct().ToArray();
        var hashes = new ulong[values.Length];
        hasher.HashValues(values, hashes);
        var keyed = values.Zip(hashes).ToDictionary(p => p.First, p => p.Second);
        return edges.Select(a => a with { Edges = a.Edges.Select(e => Keyed(e) ? e with { Value = keyed[e.Value] } : e).ToArray() }).ToArray();
    }

    private static bool Keyed(LinkEdge edge) => LinkKinds.ValueIsIdentifier(edge.Kind);
}
