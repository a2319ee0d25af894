using System.Globalization;
using DistillGuard.Core.Detection.Stages.TemplateFamilies;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sharing;
using DistillGuard.Sharing.Fingerprints;
using DistillGuard.Sharing.Keys;

namespace DistillGuard.Analysis;

/// <summary>
/// Collects, per account, a bounded sample of the indicator material a sharing group matches on
/// (IPs, networks, ASNs, payment, e-mail domain, client, wrapper texts), and turns it into hashes
/// under the group's key at the end of the run. The raw sample lives only in memory during the run.
/// </summary>
internal sealed class SharingMaterial
{
    /// <summary>What an account's state says of its content, unkeyed: the frames it opens tasks in and the phrases it repeats.</summary>
    public sealed record AccountContent(ulong[] Frames, uint[] Phrases)
    {
        public static AccountContent Of(AccountState state) =>
            new([.. TemplateFamilyStage.FramesOf(state, TemplateFamilyOptions.Default)], state.Phrases.Recurring());
    }

    private const int MaxIps = 8;
    private const int MaxNetworks = 4;
    private const int MaxAsns = 4;
    private const int MaxSmall = 2;
    private const int MaxUserAgents = 4;
    private const int MaxTemplates = 16;
    private const int MinSamplesForWrapper = 3;
    private const double WrapperRecurrence = 0.15;
    private const int MinRecurrence = 3;
    private const int MinWrapperShingles = 8;
    private readonly Dictionary<AccountId, Sample> _accounts = [];

    /// <summary>Takes over the accounts of another sample of the same run that holds other accounts (a partition's).</summary>
    public void Absorb(SharingMaterial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (account, kept) in other._accounts)
        {
            _accounts.Add(account, kept);
        }
    }

    public void Add(Exchange exchange, in ExchangeSignals signals)
    {
        if (!_accounts.TryGetValue(exchange.AccountId, out var sample))
        {
            sample = new Sample();
            _accounts[exchange.AccountId] = sample;
        }

        Bounded(sample.Ips, exchange.ClientIp, MaxIps);
        Bounded(sample.Networks, ExchangeAttributes.NetworkPrefix(exchange.ClientIp), MaxNetworks);
        if (exchange.Asn is { } asn && sample.Asns.Count < MaxAsns)
        {
            sample.Asns.Add(asn);
        }

        Bounded(sample.Payments, exchange.PaymentFingerprint, MaxSmall);
        Bounded(sample.EmailDomains, exchange.EmailDomain, MaxSmall);
        Bounded(sample.UserAgents, exchange.UserAgent, MaxUserAgents);
        if (sample.Templates.Count < MaxTemplates && WrapperText.MayFrame(signals)
            && WrapperText.Of(exchange.Prompt) is { } wrapper && WrapperText.HasWrapperLength(wrapper))
        {
            sample.Templates.Add(wrapper);
        }
    }

    /// <summary>
    /// Every account's material hashed with the group key, as rows to store. An account's wrapper is what
    /// recurs across its sampled prompts while the payload changes; of it, the shingles that many of this
    /// provider's accounts share are left out first, since common phrasing would make ordinary users'
    /// bands coincide with an operator's.
    /// </summary>
    /// <param name="flagged">Accounts judged to be harvesting: their wrappers are what is to be shared, so they do not count towards "common".</param>
    /// <param name="content">Each account's frames (<see cref="TemplateFamilyStage.FramesOf"/>) and recurring phrases, unkeyed.</param>
    public IReadOnlyList<SharingFingerprint> Hash(SharingKey key, IReadOnlySet<AccountId> flagged, IReadOnlyDictionary<AccountId, AccountContent> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var accounts = _accounts.OrderBy(a => a.Key).ToArray();
        // Each sample is cut into shingles once; both the account's wrapper and the provider's common phrasing come from these counts.
        var counts = new Dictionary<ulong, int>[accounts.Length];
        Parallel.For(0, accounts.Length, i => counts[i] = SamplesPerShingle(accounts[i].Value.Templates));
        var wrappers = new HashSet<ulong>[accounts.Length];
        Parallel.For(0, accounts.Length, i => wrappers[i] = RecurrentShingles(counts[i], accounts[i].Value.Templates.Count));
        var common = CommonShingles(counts.Where((_, i) => !flagged.Contains(accounts[i].Key)));
        var template = IndicatorKind.Template.ToContract();
        var rows = new List<SharingFingerprint>[accounts.Length];
        Parallel.For(0, accounts.Length, i =>
        {
            var (id, s) = accounts[i];
            var material = new AccountIndicators(id, [.. s.Ips], [.. s.Networks], [.. s.Asns], [.. s.Payments], [.. s.EmailDomains], [.. s.UserAgents], []);
            wrappers[i].ExceptWith(common);
            // A handful of leftover shingles is chance overlap, not a wrapper: it would match anything.
            var bands = (wrappers[i].Count >= MinWrapperShingles ? TemplateFingerprint.Compute(key, wrappers[i]).Bands : []).Select(b => new SharingFingerprint(id, template, b));
            rows[i] = IndicatorHasher.Of(key, material).Hashes
                .Where(kv => kv.Key != IndicatorKind.Template)
                .SelectMany(kv => kv.Value.Select(v => new SharingFingerprint(id, kv.Key.ToContract(), v)))
                .Concat(bands)
                .Concat(Keyed(key, id, content.GetValueOrDefault(id)))
                .ToList();
        });
        return rows.SelectMany(r => r).ToList();
    }

    /// <summary>An account's frames and phrases, keyed with the group key.</summary>
    private static IEnumerable<SharingFingerprint> Keyed(SharingKey key, AccountId id, AccountContent? content)
    {
        if (content is null)
        {
            yield break;
        }

        var frame = IndicatorKind.Frame.ToContract();
        foreach (var f in content.Frames)
        {
            yield return new SharingFingerprint(id, frame, IndicatorHasher.Hash(key, IndicatorKind.Frame, f.ToString("x16", CultureInfo.InvariantCulture)));
        }

        var phrase = IndicatorKind.Phrase.ToContract();
        foreach (var p in content.Phrases)
        {
            yield return new SharingFingerprint(id, phrase, IndicatorHasher.Hash(key, IndicatorKind.Phrase, p.ToString("x8", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>For each shingle of an account's sampled prompts, how many of the samples contain it.</summary>
    private static Dictionary<ulong, int> SamplesPerShingle(IReadOnlyList<string> samples)
    {
        var counts = new Dictionary<ulong, int>();
        foreach (var shingle in samples.SelectMany(TemplateFingerprint.Shingles))
        {
            counts[shingle] = counts.GetValueOrDefault(shingle) + 1;
        }

        return counts;
    }

    /// <summary>
    /// The shingles that recur in at least 15 % of an account's sampled prompts (and in three of them): the
    /// wrapper, whatever its phrasing, with the payloads, which change from prompt to prompt, left out.
    /// Fewer than three samples show no recurrence, so they give no wrapper.
    /// </summary>
    private static HashSet<ulong> RecurrentShingles(Dictionary<ulong, int> samplesPerShingle, int samples)
    {
        if (samples < MinSamplesForWrapper)
        {
            return [];
        }

        var floor = Math.Max(MinRecurrence, (int)Math.Ceiling(WrapperRecurrence * samples));
        return samplesPerShingle.Where(kv => kv.Value >= floor).Select(kv => kv.Key).ToHashSet();
    }

    /// <summary>
    /// Shingles found in the sampled prompts of more than 1 % of the (unflagged) accounts that have samples,
    /// and of at least three: phrasing many people write, even once each, describes no operator.
    /// </summary>
    private static HashSet<ulong> CommonShingles(IEnumerable<Dictionary<ulong, int>> samplesPerShingle)
    {
        var accountsPerShingle = new Dictionary<ulong, int>();
        var withSamples = 0;
        foreach (var shingles in samplesPerShingle.Where(c => c.Count > 0))
        {
            withSamples++;
            foreach (var shingle in shingles.Keys)
            {
                accountsPerShingle[shingle] = accountsPerShingle.GetValueOrDefault(shingle) + 1;
            }
        }

        var limit = Math.Max(3, withSamples / 100);
        return accountsPerShingle.Where(kv => kv.Value > limit).Select(kv => kv.Key).ToHashSet();
    }

    private static void Bounded(HashSet<string> set, string? value, int max)
    {
        if (value is not null && set.Count < max)
        {
            set.Add(value);
        }
    }

    private sealed class Sample
    {
        public HashSet<string> Ips { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Networks { get; } = new(StringComparer.Ordinal);
        public HashSet<long> Asns { get; } = [];
        public HashSet<string> Payments { get; } = new(StringComparer.Ordinal);
        public HashSet<string> EmailDomains { get; } = new(StringComparer.Ordinal);
        public HashSet<string> UserAgents { get; } = new(StringComparer.Ordinal);
        public List<string> Templates { get; } = [];
    }
}
