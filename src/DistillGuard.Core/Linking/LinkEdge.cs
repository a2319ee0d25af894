using DistillGuard.Core.Model;

namespace DistillGuard.Core.Linking;

/// <summary>
/// How rare a shared value (or timing pattern) is: how many accounts carry it, how many of those
/// are ordinary (not harvest candidates), among how many ordinary accounts in the run.
/// </summary>
public readonly record struct ValueRarity(int Carriers, int OrdinaryCarriers, int OrdinaryPopulation)
{
    /// <summary>Share of the run's ordinary accounts that carry the value.</summary>
    public double OrdinaryShare => OrdinaryPopulation == 0 ? 0 : OrdinaryCarriers / (double)OrdinaryPopulation;
}

/// <summary>
/// One piece of evidence between an account and another: what kind, with what weight, how strong
/// the pair is over all its evidence, and how rare the shared value is.
/// </summary>
/// <param name="Value">
/// Hash of the shared value, 0 for timing evidence. The linker hands out its in-memory fast hash;
/// hosts replace it with a keyed hash before anything is stored.
/// </param>
/// <param name="Detail">For lockstep the estimated Jaccard similarity of active hours; for succession the hours between the two lives; otherwise 0.</param>
public sealed record LinkEdge(
    AccountId Account,
    AccountId Other,
    LinkKind Kind,
    double Weight,
    double PairStrength,
    ulong Value,
    ValueRarity Rarity,
    double Detail);

/// <summary>The strongest edges of one account, and how many partners it has in all (the rest are not kept).</summary>
public sealed record AccountEdges(AccountId Account, int Partners, IReadOnlyList<LinkEdge> Edges)
{
    /// <summary>Partners whose edges are kept.</summary>
    public int KeptPartners => Edges.Select(e => e.Other).Distinct().Count();
}
