using System.CommandLine;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;
using DistillGuard.Core.Sharing;
using DistillGuard.Sharing.Keys;
using DistillGuard.Sharing.Matching;
using DistillGuard.Sharing.Stix;
using DistillGuard.Storage;

namespace DistillGuard.Cli.Commands;

/// <summary>`intel export` and `intel match`: STIX 2.1 out of, and peer bundles against, a stored run's group-keyed fingerprints.</summary>
internal static class IntelShareCommands
{
    /// <summary>Bands of a campaign's template that one clearly ordinary local account may share before the template is withheld from export.</summary>
    private static readonly int LookalikeBands = (MatchOptions.Default.MinTemplateBands + 1) / 2;

    /// <summary>Members that must use a frame or repeat a phrase for it to be the campaign's: as many as a template family needs.</summary>
    private static readonly int FamilyAccounts = DistillGuard.Core.Detection.Stages.TemplateFamilies.TemplateFamilyOptions.Default.MinAccounts;

    /// <summary>The kinds that carry a campaign's template family: its frames and its phrases.</summary>
    private static readonly string[] ContentKinds = [IndicatorKind.Frame.ToContract(), IndicatorKind.Phrase.ToContract()];


    public static Command Export()
    {
        var db = new Option<string>("--db") { Description = "DuckDB file of an analysis run made with --sharing-key-file", Required = true };
        var campaign = new Option<string?>("--campaign") { Description = "campaign id to export" };
        var all = new Option<bool>("--all") { Description = "export every campaign of the run" };
        var tlp = new Option<string>("--tlp") { Description = "clear, green, amber, amber+strict or red", Required = true };
        var key = new Option<string>("--key-file") { Description = "the sharing group's key (at least 32 bytes)", Required = true };
        var output = new Option<string>("--out") { Description = "bundle file to write", Required = true };
        var run = new Option<string?>("--run") { Description = "run id (default: the latest complete run)" };
        var producer = new Option<string>("--producer") { Description = "producer name in the bundle's identity", DefaultValueFactory = _ => "DistillGuard provider" };
        var command = new Command("export", "Write a STIX 2.1 bundle of campaigns with keyed, privacy-preserving indicators.")
        {
            db, campaign, all, tlp, key, output, run, producer,
        };
        command.SetAction((parse, _) => CliErrors.Guard(() =>
        {
            if ((parse.GetValue(campaign) is null) == !parse.GetValue(all))
            {
                throw new ArgumentException("give exactly one of --campaign ID or --all");
            }

            var level = ParseTlp(parse.GetValue(tlp)!);
            var sharingKey = SharingKey.FromFile(parse.GetValue(key)!);
            using var store = Open(parse.GetValue(db)!);
            var (result, fingerprints) = Load(store, parse.GetValue(run), sharingKey);
            var campaigns = result.Campaigns
                .Where(c => parse.GetValue(all) || c.CampaignId.Value == parse.GetValue(campaign))
                .ToList();
            if (campaigns.Count == 0)
            {
                throw new ArgumentException(parse.GetValue(all) ? $"run {result.Run.RunId} has no campaign" : $"campaign '{parse.GetValue(campaign)}' is not in run {result.Run.RunId}");
            }

            var template = IndicatorKind.Template.ToContract();
            var bandCarriers = fingerprints.Where(f => f.Kind == template).DistinctBy(f => (f.Value, f.AccountId)).ToLookup(f => f.Value, f => f.AccountId, StringComparer.Ordinal);
            var ordinary = result.Accounts
                .Where(a => a.Verdict == Verdict.Benign && a.RiskScore < ScoringParameters.Default.CandidateThreshold)
                .Select(a => a.AccountId).ToHashSet();
            var contentCarriers = fingerprints.Where(f => ContentKinds.Contains(f.Kind)).ToLookup(f => f.Value, f => f.AccountId, StringComparer.Ordinal);
            var hashed = campaigns.Select(c => (c, Union(c.Accounts, fingerprints, bandCarriers, contentCarriers, ordinary))).ToList();
            var bundle = StixExporter.Export(new ProducerIdentity(parse.GetValue(producer)!), hashed, sharingKey.KeyId, level);
            WriteWhole(parse.GetValue(output)!, bundle);
            Console.WriteLine($"{campaigns.Count} campaign(s) exported at TLP:{TlpMarkings.Value(level).ToUpperInvariant()} to {parse.GetValue(output)}");
            return Task.FromResult(0);
        }));
        return command;
    }

    public static Command Match()
    {
        var db = new Option<string>("--db") { Description = "DuckDB file of an analysis run made with --sharing-key-file", Required = true };
        var bundle = new Option<string>("--bundle") { Description = "the peer's STIX 2.1 bundle", Required = true };
        var key = new Option<string>("--key-file") { Description = "the sharing group's key", Required = true };
        var output = new Option<string>("--out") { Description = "folder for matches.csv and sightings.json", Required = true };
        var run = new Option<string?>("--run") { Description = "run id (default: the latest complete run)" };
        var producer = new Option<string>("--producer") { Description = "producer name in the sightings' identity", DefaultValueFactory = _ => "DistillGuard provider" };
        var command = new Command("match", "Match a peer's bundle against the local accounts; write matches.csv and sightings for the peer.")
        {
            db, bundle, key, output, run, producer,
        };
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            var sharingKey = SharingKey.FromFile(parse.GetValue(key)!);
            var peerBundle = await File.ReadAllTextAsync(parse.GetValue(bundle)!, ct);
            using var store = Open(parse.GetValue(db)!);
            var (result, fingerprints) = Load(store, parse.GetValue(run), sharingKey);
            var local = fingerprints.GroupBy(f => f.AccountId).OrderBy(g => g.Key).Select(g => (g.Key, Hashes(g))).ToList();
            var matches = StixMatcher.Match(peerBundle, sharingKey.KeyId, local, MatchOptions.Default);
            var accounts = result.Accounts.Count;
            var first = result.Campaigns.Count > 0 ? result.Campaigns.Min(c => c.FirstSeen) : result.Run.StartedAt;
            var sightings = SightingWriter.Build(new ProducerIdentity(parse.GetValue(producer)!), matches, peerBundle, first, result.Run.StartedAt);
            Directory.CreateDirectory(parse.GetValue(output)!);
            WriteWhole(Path.Combine(parse.GetValue(output)!, "matches.csv"), MatchesCsv.Format(matches));
            WriteWhole(Path.Combine(parse.GetValue(output)!, "sightings.json"), sightings);
            Console.WriteLine($"{matches.Select(m => m.AccountId).Distinct().Count()} of {accounts} local accounts match the peer's campaigns → {parse.GetValue(output)}");
            return 0;
        }));
        return command;
    }

    private static DuckDbAnalysisStore Open(string path) =>
        File.Exists(path) ? new DuckDbAnalysisStore(path) : throw new ArgumentException($"database '{path}' does not exist");

    private static (AnalysisResult Result, IReadOnlyList<SharingFingerprint> Fingerprints) Load(DuckDbAnalysisStore store, string? runId, SharingKey key)
    {
        var id = runId ?? store.ListRuns().LastOrDefault(r => r.Status == DistillGuard.Core.Storage.RunStatus.Complete)?.Run.RunId
            ?? throw new ArgumentException("the database holds no complete run");
        var result = store.LoadRun(id) ?? throw new ArgumentException($"run '{id}' is unknown or not complete");
        var stored = store.LoadSharingFingerprints(id)
            ?? throw new ArgumentException($"run {id} was analysed without --sharing-key-file; nothing can be shared from it");
        if (stored.KeyId != key.KeyId)
        {
            throw new ArgumentException($"run {id} was fingerprinted with another sharing key (key id {stored.KeyId}, this key is {key.KeyId})");
        }

        return (result, stored.Fingerprints);
    }

    /// <summary>
    /// A campaign's indicators: every member's infrastructure hashes, but only the template bands that
    /// recur across its accounts (its shared wrappers) and that none of the provider's other accounts
    /// carries — not one account's cover traffic copied from real users, nor common phrasing. Before a
    /// template leaves, it is matched against this provider's clearly ordinary accounts (benign, and
    /// below the linking candidate threshold): if one of them shares half the bands a peer's match asks
    /// for, the wrapper is phrasing ordinary users write too (a task grammar, a public prompt) and could
    /// flag a peer's users, so it is withheld. Missed accounts of the operator score above that threshold
    /// and do not count; the bands they carry are left out all the same.
    /// </summary>
    private static KeyedIndicators Union(
        IReadOnlyList<AccountId> accounts, IReadOnlyList<SharingFingerprint> fingerprints, ILookup<string, AccountId> bandCarriers,
        ILookup<string, AccountId> contentCarriers, HashSet<AccountId> ordinary)
    {
        var members = accounts.ToHashSet();
        var rows = fingerprints.Where(f => members.Contains(f.AccountId)).ToList();
        var template = IndicatorKind.Template.ToContract();
        var minAccounts = Math.Max(2, (int)Math.Ceiling(0.2 * rows.Select(r => r.AccountId).Distinct().Count()));
        var recurring = rows.Where(r => r.Kind == template).Select(r => r.Value).Distinct(StringComparer.Ordinal)
            .Where(b => bandCarriers[b].Count(members.Contains) >= minAccounts)
            .ToList();
        var lookalikes = recurring.SelectMany(b => bandCarriers[b].Where(a => !members.Contains(a) && ordinary.Contains(a)))
            .CountBy(a => a)
            .Any(kv => kv.Value >= LookalikeBands);

        // Bands that ordinary local accounts also carry describe common phrasing, not the operator.
        var distinctive = lookalikes ? [] : recurring.Where(b => bandCarriers[b].All(members.Contains)).ToHashSet(StringComparer.Ordinal);

        // The campaign's template family: frames that at least as many of its accounts use as a family needs, and that no
        // other account of this provider opens tasks in (as for its template bands: a public template that a researcher
        // or another operator uses too would match them at a peer).
        // Likewise its wording: phrases its accounts repeat and no other account repeats.
        var family = rows.Where(r => ContentKinds.Contains(r.Kind)).Select(r => r.Value).Distinct(StringComparer.Ordinal)
            .Where(f => contentCarriers[f].Count(members.Contains) >= FamilyAccounts && contentCarriers[f].All(members.Contains))
            .ToHashSet(StringComparer.Ordinal);
        return Hashes(rows.Where(r => r.Kind == template ? distinctive.Contains(r.Value) : !ContentKinds.Contains(r.Kind) || family.Contains(r.Value)));
    }

    private static KeyedIndicators Hashes(IEnumerable<SharingFingerprint> rows) => new(rows
        .Select(r => (Kind: IndicatorKinds.FromContract(r.Kind), r.Value))
        .Where(r => r.Kind is not null)
        .GroupBy(r => r.Kind!.Value)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()));

    private static Tlp ParseTlp(string text) => text.Trim().ToLowerInvariant() switch
    {
        "clear" => Tlp.Clear,
        "green" => Tlp.Green,
        "amber" => Tlp.Amber,
        "amber+strict" => Tlp.AmberStrict,
        "red" => Tlp.Red,
        _ => throw new ArgumentException($"--tlp must be clear, green, amber, amber+strict or red, not '{text}'"),
    };

    /// <summary>Writes beside the target and moves into place, so a failure leaves nothing partial.</summary>
    private static void WriteWhole(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(temp, text);
        File.Move(temp, full, overwrite: true);
    }
}
