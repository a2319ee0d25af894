using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Linking;

/// <summary>An account as the linker sees it: its state and its harvest-likeness.</summary>
public sealed record LinkCandidate(AccountState State, double HarvestProbability);

/// <summary>One linked group of accounts with the evidence that binds it.</summary>
/// <param name="LargestLinkedGroup">Accounts in the largest part joined by shared attributes (behavioural merging joins parts but does not add to this).</param>
public sealed record LinkedCluster(
    IReadOnlyList<AccountId> Accounts,
    IReadOnlyDictionary<AccountId, double> Association,
    IReadOnlyList<string> Evidence,
    int LargestLinkedGroup)
{
    /// <summary>Each member's strongest link inside the cluster (for drawing the account graph).</summary>
    public IReadOnlyList<AccountLink> Links { get; init; } = [];
}

/// <summary>Options of the linker; defaults documented in docs/scoring.md.</summary>
public sealed record LinkerOptions
{
    /// <summary>Harvest-likeness above which an account may be linked.</summary>
    public double CandidateThreshold { get; init; } = 0.03;

    /// <summary>Share of a value's accounts that must be candidates for the value to count (a NAT or VPN fails this).</summary>
    public double MinPurity { get; init; } = 0.6;

    /// <summary>Pair strength at which two candidates are joined.</summary>
    public double JoinStrength { get; init; } = 1.0;

    /// <summary>Buckets larger than this are joined as a chain, not pair by pair.</summary>
    public int MaxPairBucket { get; init; } = 400;

    public int MinClusterSize { get; init; } = 2;

    /// <summary>
    /// Part of a join that must come from identity or infrastructure (payment, IP, network, ASN
    /// and client, e-mail domain): shared prompt templates alone never join accounts, since
    /// independent users of one public benchmark harness share them too.
    /// </summary>
    public double MinIdentityStrength { get; init; } = 0.3;
}

/// <summary>
/// Links candidate accounts that share rare attribute values, where "rare" means the value is
/// carried mostly by other candidates: a university NAT or a popular VPN exit carries mostly
/// ordinary users and so links no one. Pure and deterministic: input order does not matter.
/// </summary>
public static class CampaignLinker
{
    public static IReadOnlyList<LinkedCluster> Link(IReadOnlyList<LinkCandidate> accounts, LinkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        var ordered = accounts.OrderBy(a => a.State.AccountId).ToArray();
        var isCandidate = ordered.Select(a => a.HarvestProbability >= options.CandidateThreshold).ToArray();
        var buckets = ValueIndex.Build(ordered);
        var pairs = new PairStrengths();
        var uf = new UnionFind(ordered.Length);

        foreach (var (key, members) in buckets.OrderBy(b => b.Key.Value))
        {
            var candidates = members.Where(i => isCandidate[i]).ToArray();

            if (candidates.Length < 2 || candidates.Length < options.MinPurity * members.Count)
            {
                continue;
            }

            var weight = LinkKinds.Weight(key.Kind);
            if (candidates.Length > options.MaxPairBucket)
            {
                if (weight >= options.JoinStrength)
                {
                    for (var i = 1; i < candidates.Length; i++)
                    {
                        uf.Union(candidates[0], candidates[i]);
                        pairs.Add(candidates[0], candidates[i], weight, LinkKinds.IsIdentity(key.Kind));
                    }
                }
            }
            else
            {
                for (var i = 0; i < candidates.Length; i++)
                {
                    for (var j = i + 1; j < candidates.Length; j++)
                    {
                        pairs.Add(candidates[i], candidates[j], weight, LinkKinds.IsIdentity(key.Kind));
                    }
                }
            }
        }

        foreach (var ((a, b), strength) in pairs.All)
        {
            if (strength >= options.JoinStrength && pairs.Identity(a, b) >= options.MinIdentityStrength)
            {
                uf.Union(a, b);
            }
        }

        return Clusters(ordered, uf, pairs, buckets, isCandidate, options);
    }

    private static List<LinkedCluster> Clusters(
        LinkCandidate[] ordered, UnionFind uf, PairStrengths pairs,
        Dictionary<ValueKey, List<int>> buckets, bool[] isCandidate, LinkerOptions options)
    {
        var groups = Enumerable.Range(0, ordered.Length)
            .Where(i => isCandidate[i])
            .GroupBy(uf.Find)
            .Where(g => g.Count() >= options.MinClusterSize)
            .Select(g => g.ToArray())
            .OrderBy(g => g[0])
            .ToList();

        var result = new List<LinkedCluster>(groups.Count);
        foreach (var members in groups)
        {
            var memberSet = members.ToHashSet();
            var association = members.ToDictionary(
                i => ordered[i].State.AccountId,
                i => Math.Min(1, pairs.Strongest(i, memberSet) / options.JoinStrength));
            var evidence = ClusterEvidence.Describe(members, memberSet, buckets, ordered.Length, options.MinPurity);
            var links = members
                .Select(i => (From: i, Partner: pairs.StrongestPartner(i, memberSet)))
                .Where(l => l.Partner.Other >= 0)
                .Select(l => (A: Math.Min(l.From, l.Partner.Other), B: Math.Max(l.From, l.Partner.Other), l.Partner.Strength))
                .Distinct()
                .Select(l => new AccountLink(ordered[l.A].State.AccountId, ordered[l.B].State.AccountId, l.Strength))
                .ToArray();
            result.Add(new LinkedCluster(members.Select(i => ordered[i].State.AccountId).ToArray(), association, evidence, members.Length) { Links = links });
        }

        return result;
    }
}
