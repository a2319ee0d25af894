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

    /// <summary>
    /// The largest linked part counted by how exclusively its members' identity values are theirs: each member
    /// weighs the candidate share of the purest identity value it shares (one when no ordinary account carries it,
    /// 0.6 for an office or home IP that four ordinary users share with six candidates). Null where the linker did
    /// not measure it; <see cref="LargestLinkedGroup"/> stands in.
    /// </summary>
    public double? ExclusiveWeight { get; init; }

    /// <summary>The coordinated size the campaign confidence reads: <see cref="ExclusiveWeight"/>, else <see cref="LargestLinkedGroup"/>.</summary>
    public double LinkedSize => ExclusiveWeight ?? LargestLinkedGroup;

    /// <summary>
    /// The separately linked groups this cluster was joined from (<see cref="ClusterJoin"/>), each as its accounts; null for a
    /// cluster the linker built whole. A behavioural twin is read against each part's drivers as well as the whole's.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<AccountId>>? Parts { get; init; }
}

/// <summary>
/// Links candidate accounts that share rare attribute values, where "rare" means the value is
/// carried mostly by other candidates: a university NAT or a popular VPN exit carries mostly
/// ordinary users and so links no one. Timing evidence (lockstep hours, one account succeeding
/// another) adds to a pair's strength but never carries the identity part of a join. The join
/// graph's components are then refined by community detection so that a weak bridge does not
/// merge two operators (<see cref="Communities"/>). Pure and deterministic: input order does not matter.
/// </summary>
public static class CampaignLinker
{
    /// <summary>The linked groups alone (see <see cref="Analyse"/>).</summary>
    public static IReadOnlyList<LinkedCluster> Link(IReadOnlyList<LinkCandidate> accounts, LinkerOptions options) =>
        Analyse(accounts, options).Clusters;

    /// <summary>The linked groups and the evidence graph behind them.</summary>
    public static LinkResult Analyse(IReadOnlyList<LinkCandidate> accounts, LinkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        var ordered = accounts.OrderBy(a => a.State.AccountId).ToArray();
        var isCandidate = ordered.Select(a => a.HarvestProbability >= options.CandidateThreshold).ToArray();
        var ordinary = isCandidate.Count(c => !c);
        var buckets = ValueIndex.Build(ordered);
        var read = new PairList();
        var values = new SharedValueTable();
        var temporal = new TemporalPairs();
        var exclusivity = new double[ordered.Length];
        var context = new BucketContext(ordered, isCandidate, ordinary, options, read, values, temporal, exclusivity);
        foreach (var (key, members) in buckets.OrderBy(b => b.Key.Value).ThenBy(b => b.Key.Kind))
        {
            AddBucket(key, members, context);
        }

        Lockstep.Find(ordered, isCandidate, ordinary, options, temporal);
        foreach (var (a, b) in temporal.Pairs)
        {
            read.Add(a, b);
        }

        values.Seal(ordered.Length);
        var pairs = PairStrengths.Build(ordered.Length, read, values, temporal);
        var graph = new EvidenceGraph(ordered, isCandidate, buckets, pairs, temporal, options);
        return new LinkResult(Clusters(ordered, Groups(ordered.Length, isCandidate, pairs, options), pairs, buckets, temporal, exclusivity, options), graph)
        {
            CandidatePairs = pairs.Count,
        };
    }

    /// <summary>What visiting the buckets reads and fills.</summary>
    private sealed record BucketContext(
        LinkCandidate[] Ordered, bool[] IsCandidate, int Ordinary, LinkerOptions Options,
        PairList Read, SharedValueTable Values, TemporalPairs Temporal, double[] Exclusivity);

    private static void AddBucket(ValueKey key, List<int> members, BucketContext context)
    {
        var (ordered, isCandidate, options) = (context.Ordered, context.IsCandidate, context.Options);
        var candidates = members.Where(i => isCandidate[i]).ToArray();
        if (!LinkKinds.Binds(key.Kind, candidates.Length, members.Count, options.MinPurity))
        {
            return;
        }

        var weight = options.KindWeights.Of(key.Kind);
        var identity = LinkKinds.IsIdentity(key.Kind);
        if (identity)
        {
            // Each carrier keeps the candidate share of its purest identity value: a value that ordinary accounts
            // carry too is partly a place (a home, an office, a NAT), not an operator's (LinkedCluster.ExclusiveWeight).
            var purity = candidates.Length / (double)members.Count;
            foreach (var i in members)
            {
                context.Exclusivity[i] = Math.Max(context.Exclusivity[i], purity);
            }
        }

        if (candidates.Length > options.MaxPairBucket)
        {
            // A value this common among candidates joins them as a star (when it joins on its own), not pair by pair.
            if (weight >= options.JoinStrength && identity)
            {
                context.Values.Add(candidates, weight, identity, centre: candidates[0]);
                for (var i = 1; i < candidates.Length; i++)
                {
                    context.Read.Add(candidates[0], candidates[i]);
                }
            }

            return;
        }

        context.Values.Add(candidates, weight, identity, centre: -1);
        var succession = LinkKinds.CarriesSuccession(key.Kind);
        var factor = TemporalPairs.PurityFactor(candidates.Length, members.Count, options.MinPurity);
        var rarity = new ValueRarity(members.Count, members.Count - candidates.Length, context.Ordinary);
        var whole = CandidatePairs.ReadsWhole(candidates.Length, options.PairNeighbours);
        foreach (var (a, b) in CandidatePairs.Of(candidates, options.PairNeighbours))
        {
            context.Read.Add(a, b);
            if (whole && succession && factor > 0 && Succession.GapHours(ordered[a].State, ordered[b].State, options) is { } gap)
            {
                context.Temporal.Note(a, b, new TemporalNote(LinkKind.Succession, options.KindWeights.Succession * factor, gap, rarity));
            }
        }

        if (!whole && succession && factor > 0)
        {
            // A ring's neighbours are next in account order, not in time: successions are looked for in time order.
            foreach (var (a, b, gap) in Succession.InTimeOrder(candidates, ordered, options.PairNeighbours, options))
            {
                context.Temporal.Note(a, b, new TemporalNote(LinkKind.Succession, options.KindWeights.Succession * factor, gap, rarity));
            }
        }
    }

    /// <summary>Connected components of the join edges, each refined into communities (positions, ascending).</summary>
    private static List<Community> Groups(int count, bool[] isCandidate, PairStrengths pairs, LinkerOptions options)
    {
        // Union-find's roots are smallest members whatever the order of unions, so pairs are taken unsorted.
        var uf = new UnionFind(count);
        var joinDegree = new int[count];
        foreach (var (a, b) in pairs.Keys)
        {
            if (pairs.Joins(a, b, options))
            {
                uf.Union(a, b);
                joinDegree[a]++;
                joinDegree[b]++;
            }
        }

        var local = new int[count];
        Array.Fill(local, -1);
        return Enumerable.Range(0, count)
            .Where(i => isCandidate[i])
            .GroupBy(uf.Find)
            .Where(g => g.Count() >= options.MinClusterSize)
            .Select(g => g.ToArray())
            .OrderBy(g => g[0])
            .SelectMany(component => Communities.Refine(component, joinDegree, pairs, options, local))
            .Where(c => c.Members.Length >= options.MinClusterSize)
            .ToList();
    }

    private static List<LinkedCluster> Clusters(
        LinkCandidate[] ordered, List<Community> groups, PairStrengths pairs,
        Dictionary<ValueKey, List<int>> buckets, TemporalPairs temporal, double[] exclusivity, LinkerOptions options)
    {
        var result = new List<LinkedCluster>(groups.Count);
        foreach (var group in groups)
        {
            var members = group.Members;
            var memberSet = members.ToHashSet();
            var association = members.ToDictionary(
                i => ordered[i].State.AccountId,
                i => Math.Min(1, pairs.Strongest(i, memberSet) / options.JoinStrength));
            var evidence = ClusterEvidence.Describe(members, memberSet, ordered, buckets, options.MinPurity, options.KindWeights);
            evidence.AddRange(ClusterEvidence.DescribeTiming(members, memberSet, temporal));
            if (group.SplitFrom > 0)
            {
                evidence.Add(ClusterEvidence.DescribeSplit(group));
            }

            var links = members
                .Select(i => (From: i, Partner: pairs.StrongestPartner(i, memberSet)))
                .Where(l => l.Partner.Other >= 0)
                .Select(l => (A: Math.Min(l.From, l.Partner.Other), B: Math.Max(l.From, l.Partner.Other), l.Partner.Strength))
                .Distinct()
                .Select(l => new AccountLink(ordered[l.A].State.AccountId, ordered[l.B].State.AccountId, l.Strength))
                .ToArray();
            result.Add(new LinkedCluster(members.Select(i => ordered[i].State.AccountId).ToArray(), association, evidence, members.Length)
            {
                Links = links,
                ExclusiveWeight = members.Sum(i => exclusivity[i] > 0 ? exclusivity[i] : options.MinPurity),
            });
        }

        return result;
    }
}

/// <summary>The linker's groups and the evidence graph they were cut from.</summary>
public sealed record LinkResult(IReadOnlyList<LinkedCluster> Clusters, EvidenceGraph Graph)
{
    /// <summary>Distinct candidate pairs the linker read (at most <see cref="LinkerOptions.PairNeighbours"/> per carrier of each shared value), for measuring its cost.</summary>
    public long CandidatePairs { get; init; }
}
