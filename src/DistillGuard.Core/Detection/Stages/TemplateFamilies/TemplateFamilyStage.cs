using System.Globalization;
using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Detection.Stages.TemplateFamilies;

/// <summary>
/// Template families across the whole population: the frames (opening and closing lines, <see cref="Similarity.TemplateKeys"/>,
/// and system prompts) that accounts keep opening their tasks in, kept where they are rare among ordinary accounts; frames
/// that accounts use together form one operator's frame set (communities of the frame graph), so an operator's several
/// phrasings of a frame come together through the accounts that use more than one. The accounts of a family born in one
/// sign-up wave, too many at once for independent accounts, are coordinated in content and in time, and become a group
/// without any shared card, address or network (<see cref="Link"/>). Pure and deterministic: input order does not matter.
/// </summary>
public static class TemplateFamilyStage
{
    private static readonly AttributeKind[] FrameKinds = [AttributeKind.TemplateHead, AttributeKind.TemplateTail, AttributeKind.SystemPrompt];

    /// <summary>The families among <paramref name="accounts"/>, largest first (ties by first account).</summary>
    public static IReadOnlyList<TemplateFamily> Find(IReadOnlyList<LinkCandidate> accounts, double candidateThreshold, TemplateFamilyOptions options)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var ordered = accounts.OrderBy(a => a.State.AccountId).ToArray();
        var candidate = ordered.Select(a => a.HarvestProbability >= candidateThreshold).ToArray();
        var carriers = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < ordered.Length; i++)
        {
            foreach (var frame in FramesOf(ordered[i].State, options))
            {
                ValueIndex.AddTo(carriers, frame, i);
            }
        }

        var frames = new List<List<int>>();
        foreach (var (_, members) in carriers.OrderBy(c => c.Key))
        {
            var harvesting = members.Count(i => candidate[i]);
            if (harvesting >= options.MinAccounts && members.Count - harvesting < options.OrdinaryMinAccounts)
            {
                frames.Add(members);
            }
        }

        // Each harvest-like account's rare frames; frames that accounts use together are one operator's frame set.
        var framesOf = new Dictionary<int, List<int>>();
        for (var f = 0; f < frames.Count; f++)
        {
            foreach (var i in frames[f].Where(i => candidate[i]))
            {
                ValueIndex.AddTo(framesOf, i, f);
            }
        }

        var community = FrameCommunities(frames.Count, framesOf.Values);
        return framesOf
            .GroupBy(kv => Majority(kv.Value, community), kv => kv.Key)
            .Select(g => g.Order().ToArray())
            .Where(g => g.Length >= options.MinAccounts)
            .Select(g => Describe(g, frames, candidate, ordered, options))
            .OrderByDescending(f => f.Accounts.Count)
            .ThenBy(f => f.Accounts[0])
            .ToArray();
    }

    /// <summary>
    /// The frames an account keeps opening its tasks in: its opening and closing frames and system prompts used at least
    /// <see cref="TemplateFamilyOptions.MinRecurrence"/> times, each tagged with its kind. Unkeyed, in memory only; the
    /// same frame gives the same value at every provider, so a sharing group can key it and compare.
    /// </summary>
    public static IEnumerable<ulong> FramesOf(AccountState state, TemplateFamilyOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var kind in FrameKinds)
        {
            foreach (var (value, count) in state.Attributes.Top((int)kind))
            {
                if (count >= options.MinRecurrence)
                {
                    yield return Sketches.StableHash.Combine((ulong)kind + 1, value);
                }
            }
        }
    }

    /// <summary>
    /// Communities of the frame graph (Louvain), whose edges count the accounts that use both frames: an operator's
    /// phrasings are used together by its accounts, while a phrasing two operators happen to share is one frame
    /// among many in each, so it does not chain the two into one family.
    /// </summary>
    private static int[] FrameCommunities(int count, IEnumerable<List<int>> accountFrames)
    {
        var weights = new Dictionary<(int, int), double>();
        foreach (var list in accountFrames)
        {
            for (var a = 0; a < list.Count; a++)
            {
                for (var b = a + 1; b < list.Count; b++)
                {
                    var key = (Math.Min(list[a], list[b]), Math.Max(list[a], list[b]));
                    weights[key] = weights.GetValueOrDefault(key) + 1;
                }
            }
        }

        var neighbours = Enumerable.Range(0, count).Select(_ => new List<(int Node, double Weight)>()).ToArray();
        foreach (var ((a, b), w) in weights)
        {
            neighbours[a].Add((b, w));
            neighbours[b].Add((a, w));
        }

        var sorted = neighbours.Select(n => n.OrderBy(x => x.Node).ToArray()).ToArray();
        var graph = new WeightedGraph([.. sorted.Select(n => n.Select(x => x.Node).ToArray())], [.. sorted.Select(n => n.Select(x => x.Weight).ToArray())], new double[count]);
        return Louvain.Communities(graph);
    }

    /// <summary>The community most of an account's frames are in; ties to the lowest.</summary>
    private static int Majority(List<int> frames, int[] community) =>
        frames.GroupBy(f => community[f]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    /// <summary>
    /// The clusters, and every wave of a family made a group: the wave's accounts that identity linked to no one become
    /// one cluster, whose coordinated size is theirs. Families outside a wave change nothing here.
    /// </summary>
    /// <param name="created">
    /// Each harvest-like account's creation time, where the log gives it: the background a wave is measured against.
    /// Harvest-like accounts, not all accounts, since a fresh account is itself more harvest-like, so families of
    /// harvest-like accounts lean young by selection alone.
    /// </param>
    public static IReadOnlyList<LinkedCluster> Link(
        IReadOnlyList<LinkedCluster> clusters, IReadOnlyList<TemplateFamily> families, IReadOnlyDictionary<AccountId, DateTimeOffset> created, TemplateFamilyOptions options)
    {
        ArgumentNullException.ThrowIfNull(created);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(options);
        var result = clusters.ToList();
        var population = created.Values.Select(t => t.UtcTicks).Order().ToArray();
        // Identity-linked accounts stay where identity put them: whether two clusters are one operator's is for the
        // wording and behaviour joins to say, and one phrasing two operators share must not say it.
        var taken = result.SelectMany(c => c.Accounts).ToHashSet();
        foreach (var family in families.SelectMany(f => Waves(f, created, population, options)))
        {
            var own = family.Accounts.Where(a => !taken.Contains(a)).ToArray();
            if (own.Length < options.MinAccounts)
            {
                continue;
            }

            result.Add(Group(family with { Accounts = own, InWave = own.Length }));
            taken.UnionWith(own);
        }

        return [.. result.OrderBy(c => c.Accounts[0])];
    }

    /// <summary>
    /// The sign-up waves of a family: its densest <see cref="TemplateFamilyOptions.SignupWave"/>, when that many of its
    /// accounts signing up in one window is too unlikely for independent accounts (<see cref="WaveChance"/>), then the
    /// waves of the accounts left, the same way; two operators who share a phrasing but not a wave come apart, and the
    /// users of a public frame, who signed up whenever people do, make none.
    /// </summary>
    /// <param name="population">The harvest-like accounts' creation times, ascending: the background a wave is measured against.</param>
    internal static IEnumerable<TemplateFamily> Waves(
        TemplateFamily family, IReadOnlyDictionary<AccountId, DateTimeOffset> created, long[] population, TemplateFamilyOptions options)
    {
        var left = family.Accounts.ToList();
        while (left.Count >= options.MinAccounts)
        {
            var times = left.Where(created.ContainsKey).Select(a => created[a].UtcTicks).Order().ToArray();
            var (count, start) = DensestWindow(times, options.SignupWave.Ticks);
            var end = start + options.SignupWave.Ticks;
            var background = Within(population, start, end) / (double)Math.Max(1, population.Length);
            if (count < options.MinAccounts || WaveChance(left.Count, count, background) > options.MaxWaveChance)
            {
                yield break;
            }

            var wave = left.Where(a => created.TryGetValue(a, out var t) && t.UtcTicks >= start && t.UtcTicks <= end).ToArray();
            yield return family with { Accounts = wave, InWave = wave.Length, WaveStart = new DateTimeOffset(start, TimeSpan.Zero) };
            left.RemoveAll(wave.Contains);
        }
    }

    /// <summary>The chance that at least <paramref name="k"/> of <paramref name="n"/> independent accounts sign up in a window that holds the share <paramref name="p"/> of all sign-ups (binomial upper tail).</summary>
    internal static double WaveChance(int n, int k, double p)
    {
        if (k <= 0)
        {
            return 1;
        }

        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        // Sum in log space: n can be thousands.
        var logP = Math.Log(p);
        var logQ = Math.Log(1 - p);
        var logChoose = 0.0;
        for (var i = 0; i < k; i++)
        {
            logChoose += Math.Log(n - i) - Math.Log(i + 1);
        }

        var total = 0.0;
        for (var i = k; i <= n; i++)
        {
            total += Math.Exp(logChoose + (i * logP) + ((n - i) * logQ));
            logChoose += Math.Log(n - i) - Math.Log(i + 1);
        }

        return Math.Min(1, total);
    }

    /// <summary>How many of the sorted times fall in [start, end].</summary>
    private static int Within(long[] sorted, long start, long end) => FirstAtOrAfter(sorted, end + 1) - FirstAtOrAfter(sorted, start);

    /// <summary>The index of the first sorted time at or after <paramref name="value"/> (the length when there is none).</summary>
    private static int FirstAtOrAfter(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static LinkedCluster Group(TemplateFamily family) =>
        new([.. family.Accounts.Order()], family.Accounts.ToDictionary(a => a, _ => 1.0), [Describe(family)], family.InWave)
        {
            ExclusiveWeight = family.InWave,
        };

    /// <summary>The family's evidence in words a person can check.</summary>
    public static string Describe(TemplateFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var wave = family.WaveStart is { } start
            ? string.Create(CultureInfo.InvariantCulture, $"; {family.InWave} of them created within one sign-up wave from {start:yyyy-MM-dd}")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{family.Accounts.Count} accounts open their tasks in the same {family.Frames} rare prompt frame(s), carried by {family.OrdinaryCarriers} ordinary account(s){wave}; no shared identity is needed");
    }

    private static TemplateFamily Describe(int[] group, List<List<int>> frames, bool[] candidate, LinkCandidate[] ordered, TemplateFamilyOptions options)
    {
        var set = group.ToHashSet();
        var shared = frames.Where(f => f.Any(set.Contains)).ToArray();
        var ordinary = shared.SelectMany(f => f).Where(i => !candidate[i]).Distinct().Count();
        var created = group.Select(i => ordered[i].State.CreatedTicks).Where(t => t != long.MaxValue).Order().ToArray();
        var (inWave, start) = DensestWindow(created, options.SignupWave.Ticks);
        return new TemplateFamily([.. group.Select(i => ordered[i].State.AccountId)], shared.Length, ordinary, inWave,
            created.Length == 0 ? null : new DateTimeOffset(start, TimeSpan.Zero));
    }

    /// <summary>The most of the sorted times that fall within one window of the given width, and where that window starts.</summary>
    internal static (int Count, long Start) DensestWindow(long[] sorted, long width)
    {
        var best = 0;
        var start = sorted.Length > 0 ? sorted[0] : 0;
        for (int lo = 0, hi = 0; hi < sorted.Length; hi++)
        {
            while (sorted[hi] - sorted[lo] > width)
            {
                lo++;
            }

            if (hi - lo + 1 > best)
            {
                best = hi - lo + 1;
                start = sorted[lo];
            }
        }

        return (best, start);
    }
}
