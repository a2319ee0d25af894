using DistillGuard.Core.Content;
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
    private const int MaxIps = 8;
    private const int MaxNetworks = 4;
    private const int MaxAsns = 4;
    private const int MaxSmall = 2;
    private const int MaxUserAgents = 4;
    private const int MaxTemplates = 6;
    private const int MinWrapperWords = 12;
    private readonly Dictionary<AccountId, Sample> _accounts = [];

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
        // A wrapper frames a payload, so only prompts long enough to hold both are sampled; short
        // prompts ("hi", "thanks") would make everyone's fingerprints alike.
        if (sample.Templates.Count < MaxTemplates && signals.Template.Tail != 0 && sample.TemplateHeads.Add(signals.Template.Head)
            && WrapperText(exchange.Prompt) is { } wrapper && wrapper.Count(char.IsWhiteSpace) >= MinWrapperWords - 1)
        {
            sample.Templates.Add(wrapper);
        }
    }

    /// <summary>
    /// Every account's material hashed with the group key, as rows to store. Wrapper shingles that many
    /// of this provider's accounts use are left out of the template fingerprints first: common phrasing
    /// would make ordinary users' bands coincide with an operator's.
    /// </summary>
    /// <param name="flagged">Accounts judged to be harvesting: their wrappers are what is to be shared, so they do not count towards "common".</param>
    public IReadOnlyList<SharingFingerprint> Hash(SharingKey key, IReadOnlySet<AccountId> flagged)
    {
        var accounts = _accounts.OrderBy(a => a.Key).ToArray();
        var common = CommonShingles(accounts.Where(a => !flagged.Contains(a.Key)).Select(a => a.Value));
        var template = IndicatorKind.Template.ToContract();
        var rows = new List<SharingFingerprint>[accounts.Length];
        Parallel.For(0, accounts.Length, i =>
        {
            var (id, s) = accounts[i];
            var material = new AccountIndicators(id, [.. s.Ips], [.. s.Networks], [.. s.Asns], [.. s.Payments], [.. s.EmailDomains], [.. s.UserAgents], []);
            var bands = s.Templates
                .SelectMany(t => TemplateFingerprint.Compute(key, t, shingle => !common.Contains(shingle)).Bands)
                .Distinct(StringComparer.Ordinal)
                .Select(b => new SharingFingerprint(id, template, b));
            rows[i] = IndicatorHasher.Of(key, material).Hashes
                .Where(kv => kv.Key != IndicatorKind.Template)
                .SelectMany(kv => kv.Value.Select(v => new SharingFingerprint(id, kv.Key.ToContract(), v)))
                .Concat(bands)
                .ToList();
        });
        return rows.SelectMany(r => r).ToList();
    }

    /// <summary>Shingles used by more than 1 % of the (unflagged) accounts with wrapper samples, and by at least three.</summary>
    private static HashSet<ulong> CommonShingles(IEnumerable<Sample> samples)
    {
        var accountsPerShingle = new Dictionary<ulong, int>();
        var withSamples = 0;
        foreach (var sample in samples.Where(s => s.Templates.Count > 0))
        {
            withSamples++;
            foreach (var shingle in sample.Templates.SelectMany(TemplateFingerprint.Shingles).Distinct())
            {
                accountsPerShingle[shingle] = accountsPerShingle.GetValueOrDefault(shingle) + 1;
            }
        }

        var limit = Math.Max(3, withSamples / 100);
        return accountsPerShingle.Where(kv => kv.Value > limit).Select(kv => kv.Key).ToHashSet();
    }

    /// <summary>The part of a prompt where a wrapper sits: its first thirty and last ten words.</summary>
    internal static string WrapperText(string prompt)
    {
        var (head, tail) = PromptWords.Window(prompt);
        var words = (tail.Length > 0 ? head + " " + tail : head).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 40 ? string.Join(' ', words) : string.Join(' ', words.Take(30).Concat(words.Skip(words.Length - 10)));
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
        public HashSet<ulong> TemplateHeads { get; } = [];
        public List<string> Templates { get; } = [];
    }
}
