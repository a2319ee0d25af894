using System.Globalization;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Linking;

/// <summary>An account as phrase pull-in sees it: its recurring phrases, whether it is harvest-like, whether it fronts many users.</summary>
/// <param name="Phrases">Recurring phrase fingerprints (<see cref="Sketches.RecurringPhrases.Recurring"/>).</param>
public sealed record PhraseHolder(AccountId AccountId, IReadOnlyList<uint> Phrases, bool Candidate, bool Mixed);

/// <summary>A campaign's phrase-bearing members, for <see cref="PhrasePullIn"/>.</summary>
public sealed record PhraseCampaign(string Name, IReadOnlyList<AccountId> Members);

/// <summary>An account pulled into a campaign on its phrases, with why.</summary>
public sealed record PhraseMatch(AccountId AccountId, int Campaign, int Shared, int Own, string Reason);

/// <summary>Thresholds of <see cref="PhrasePullIn"/>; defaults documented in docs/scoring.md.</summary>
public sealed record PhrasePullInOptions
{
    /// <summary>Share of a campaign's phrase-bearing members that must repeat a phrase for it to be the campaign's.</summary>
    public double CampaignShare { get; init; } = 0.3;

    /// <summary>Campaign phrases an account must repeat, at least.</summary>
    public int MinShared { get; init; } = 3;

    /// <summary>Share of the account's own rare recurring phrases that must be the campaign's.</summary>
    public double MinContainment { get; init; } = 0.6;

    /// <summary>Phrase-bearing members a campaign needs before its phrases stand for it.</summary>
    public int MinMembers { get; init; } = 2;

    /// <summary>Ordinary (not harvest-like) accounts that must repeat a phrase, at least, for it to be ordinary wording.</summary>
    public int OrdinaryMinAccounts { get; init; } = 2;
}

/// <summary>
/// Pulls unlinked, harvest-like accounts into the campaign whose wrapper they keep repeating. Every
/// account's recurring phrases are compared after removing those that ordinary (not harvest-like)
/// accounts also repeat: what is left is wording that only harvest-like accounts keep using. A campaign's
/// phrases are those repeated by a good share of its members and by no other campaign. An account joins a campaign when most of
/// its own remaining phrases, and at least three, are that campaign's, no other campaign matches as
/// well, and its wording as a whole is like the campaign's (<see cref="Wording"/>). Accounts that front many users (mixed traffic) neither join nor lend phrases, since they repeat
/// their customers' wording. Wording never makes a campaign: it only attaches accounts to one that
/// shared identity already built, and the caller gives them a reduced association. Pure and deterministic.
/// </summary>
public static class PhrasePullIn
{
    public static IReadOnlyList<PhraseMatch> Match(
        IReadOnlyList<PhraseHolder> accounts,
        IReadOnlyList<PhraseCampaign> campaigns,
        IReadOnlySet<AccountId> linked,
        PhrasePullInOptions options) =>
        Match(PhraseSets.Build(accounts, campaigns, options), campaigns, linked, options);

    /// <param name="wording">The accounts' and these campaigns' wording when the caller has read it already; read here otherwise.</param>
    public static IReadOnlyList<PhraseMatch> Match(
        PhraseSets phrases,
        IReadOnlyList<PhraseCampaign> campaigns,
        IReadOnlySet<AccountId> linked,
        PhrasePullInOptions options,
        CampaignWording? wording = null)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(linked);
        ArgumentNullException.ThrowIfNull(options);
        // A phrase that several campaigns repeat is common harvesting wording, not one campaign's signature.
        var common = phrases.Campaigns.SelectMany(s => s).GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var sets = phrases.Campaigns.Select(s => s.Where(p => !common.Contains(p)).ToHashSet()).ToArray();
        // The account's wording as a whole must be like the campaign's, weighed as groups' wording is (WordingMerge):
        // phrases in common that many harvest-like accounts repeat, as people who use a popular phrasing do, are not
        // the operator's wrapper. Where every harvest-like account repeats all of the account's or the campaign's
        // phrases, nothing weighs, and the phrase counts alone decide.
        wording ??= CampaignWording.Of(phrases, campaigns.Select(c => c.Members), new WordingMergeOptions());
        var matches = new List<PhraseMatch>();
        foreach (var (account, rare) in phrases.Rare.OrderBy(kv => kv.Key))
        {
            var own = rare.Where(p => !common.Contains(p)).ToHashSet();
            if (linked.Contains(account) || own.Count < options.MinShared)
            {
                continue;
            }

            var best = -1;
            var bestShared = 0;
            var runnerUp = 0;
            for (var c = 0; c < sets.Length; c++)
            {
                var shared = own.Count(sets[c].Contains);
                if (shared > bestShared)
                {
                    runnerUp = bestShared;
                    bestShared = shared;
                    best = c;
                }
                else if (shared > runnerUp)
                {
                    runnerUp = shared;
                }
            }

            if (best >= 0 && bestShared >= options.MinShared && bestShared >= options.MinContainment * own.Count && bestShared > runnerUp
                && AlikeOrUnweighed(wording.Words, wording.Words.OfAccount(account), wording.Campaigns[best]))
            {
                matches.Add(new PhraseMatch(account, best, bestShared, own.Count, string.Create(CultureInfo.InvariantCulture,
                    $"no shared identity, but {bestShared} of the {own.Count} phrases it keeps repeating, which ordinary accounts do not repeat, recur across campaign {campaigns[best].Name}'s accounts")));
            }
        }

        return matches;
    }

    private static bool AlikeOrUnweighed(Wording words, WordingVector account, WordingVector campaign) =>
        !account.Speaks || !campaign.Speaks || words.Alike(account, campaign);
}

/// <summary>
/// Each harvest-like account's rare recurring phrases (less any that ordinary accounts repeat) and each
/// campaign's phrases (those a good share of its phrase-bearing members repeat). Mixed-traffic accounts
/// take no part. Built once per run for <see cref="PhrasePullIn"/> and for choosing among behavioural twins' campaigns.
/// </summary>
public sealed class PhraseSets
{
    private PhraseSets(Dictionary<AccountId, HashSet<uint>> rare, HashSet<uint>[] campaigns)
    {
        Rare = rare;
        Campaigns = campaigns;
    }

    public IReadOnlyDictionary<AccountId, HashSet<uint>> Rare { get; }

    /// <summary>Each campaign's phrases, in the order of the campaigns given.</summary>
    public IReadOnlyList<HashSet<uint>> Campaigns { get; }

    public static PhraseSets Build(IReadOnlyList<PhraseHolder> accounts, IReadOnlyList<PhraseCampaign> campaigns, PhrasePullInOptions options)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(options);
        var ordinary = Ordinary(accounts, options);
        var rare = accounts
            .Where(a => a.Candidate && !a.Mixed)
            .ToDictionary(a => a.AccountId, a => a.Phrases.Where(p => !ordinary.Contains(p)).ToHashSet());
        return new PhraseSets(rare, [.. campaigns.Select(c => CampaignPhrases(c, rare, options))]);
    }

    /// <summary>
    /// The phrases ordinary people repeat: those that at least <see cref="PhrasePullInOptions.OrdinaryMinAccounts"/> ordinary
    /// (not harvest-like) accounts repeat. One is not enough: an operator's account that hides its harvest under cover
    /// traffic still repeats the operator's wrapper, and would otherwise wipe that wording from all the operator's other accounts.
    /// </summary>
    private static HashSet<uint> Ordinary(IReadOnlyList<PhraseHolder> accounts, PhrasePullInOptions options) =>
        accounts.Where(a => !a.Candidate)
            .SelectMany(a => a.Phrases.Distinct())
            .CountBy(p => p)
            .Where(kv => kv.Value >= options.OrdinaryMinAccounts)
            .Select(kv => kv.Key)
            .ToHashSet();

    /// <summary>How many of an account's rare phrases are a campaign's (0 for an account without any).</summary>
    public int Shared(AccountId account, int campaign) =>
        Rare.TryGetValue(account, out var own) ? own.Count(Campaigns[campaign].Contains) : 0;

    /// <summary>Of the given campaigns, the one whose phrases the account repeats more of than of any other's, and how many; null when none leads.</summary>
    public (int Campaign, int Shared)? Leading(AccountId account, IEnumerable<int> campaigns)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        var top = campaigns.Select(c => (Campaign: c, Shared: Shared(account, c))).OrderByDescending(c => c.Shared).Take(2).ToArray();
        return top.Length > 0 && (top.Length == 1 || top[0].Shared > top[1].Shared) ? top[0] : null;
    }

    /// <summary>The rare phrases that at least <see cref="PhrasePullInOptions.CampaignShare"/> of a campaign's phrase-bearing members repeat.</summary>
    private static HashSet<uint> CampaignPhrases(PhraseCampaign campaign, Dictionary<AccountId, HashSet<uint>> rare, PhrasePullInOptions options)
    {
        var bearing = campaign.Members.Where(m => rare.TryGetValue(m, out var p) && p.Count > 0).ToArray();
        if (bearing.Length < options.MinMembers)
        {
            return [];
        }

        var floor = Math.Max(2, options.CampaignShare * bearing.Length);
        return bearing
            .SelectMany(m => rare[m])
            .GroupBy(p => p)
            .Where(g => g.Count() >= floor)
            .Select(g => g.Key)
            .ToHashSet();
    }
}
