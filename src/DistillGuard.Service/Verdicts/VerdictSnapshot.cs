using DistillGuard.Core.Model;

namespace DistillGuard.Service.Verdicts;

/// <summary>
/// What the last relink concluded, frozen: every account's verdict and the campaigns found. Never changed once
/// published; the next relink publishes a new one.
/// </summary>
/// <param name="Version">Grows by one with each relink; 0 before the first.</param>
/// <param name="TakenAt">When the relink that made it finished.</param>
/// <param name="Exchanges">Exchanges the relink read.</param>
public sealed record VerdictSnapshot(
    long Version,
    DateTimeOffset TakenAt,
    IReadOnlyDictionary<AccountId, AccountVerdict> Accounts,
    IReadOnlyList<CampaignSummary> Campaigns,
    long Exchanges)
{
    /// <summary>Before the first relink: no account has a verdict.</summary>
    public static VerdictSnapshot Empty { get; } = new(0, DateTimeOffset.MinValue, new Dictionary<AccountId, AccountVerdict>(), [], 0);

    /// <summary>The strongest evidence edges of each linked or flagged account; empty for the others.</summary>
    public IReadOnlyDictionary<AccountId, Core.Linking.AccountEdges> Edges { get; init; } = new Dictionary<AccountId, Core.Linking.AccountEdges>();

    public AccountVerdict? Find(AccountId id) => Accounts.GetValueOrDefault(id);

    public CampaignSummary? FindCampaign(string id) => Campaigns.FirstOrDefault(c => string.Equals(c.CampaignId.Value, id, StringComparison.Ordinal));
}

/// <summary>Where decisions read verdicts from: the latest published snapshot, read without waiting on linking.</summary>
public interface IVerdictSource
{
    VerdictSnapshot Current { get; }
}

/// <summary>Holds the latest snapshot; a relink swaps in the next one atomically.</summary>
public sealed class VerdictBoard : IVerdictSource
{
    private VerdictSnapshot current = VerdictSnapshot.Empty;

    public VerdictSnapshot Current => Volatile.Read(ref current);

    /// <summary>Makes <paramref name="snapshot"/> the one every later read sees.</summary>
    public void Publish(VerdictSnapshot snapshot) => Volatile.Write(ref current, snapshot ?? throw new ArgumentNullException(nameof(snapshot)));
}
