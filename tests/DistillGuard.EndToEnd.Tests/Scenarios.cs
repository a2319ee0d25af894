using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DistillGuard.Evaluation;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>
/// Simulated and analysed scenarios shared by every end-to-end test of a run: <see cref="Simulate"/> runs `simulate`
/// once per (scenario, seed, options) and <see cref="Analyse"/> runs `analyze` once per (data, options), for whichever
/// test asks first, and every other test awaits the same task, so test classes running in parallel share them safely.
/// What they return is read-only: a test that needs a changed log (fields stripped, bad records appended, lines
/// shuffled) writes its own with <see cref="ScenarioData.CopyToAsync"/> into its <see cref="TempDir"/>, and a run with
/// outputs of its own (another --model, links planted in --out, a rerun into one --out) reads the shared log as input
/// and writes into its TempDir. Reuse a seed already here before adding one (tiny 201 for "a tiny log", tiny 1 for the
/// slow-style operator split over two cards): each new one costs a simulation and an analysis in every CI run.
/// </summary>
internal static class Scenarios
{
    // In the test output folder, not /tmp: the test host may be stopped before its exit handler has removed it all, and
    // the next run in this checkout starts by clearing what was left.
    private static readonly TempDir Root = new(Path.Combine(AppContext.BaseDirectory, "scenarios"));
    private static readonly ConcurrentDictionary<string, Lazy<Task<ScenarioData>>> Simulated = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<Task<AnalysedScenario>>> Analysed = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Keys = new(StringComparer.Ordinal);
    private static int folders;

    static Scenarios() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Root.Dispose();

    /// <summary>`simulate --scenario tiny --seed <paramref name="seed"/>`, shared.</summary>
    public static Task<ScenarioData> Tiny(int seed) => Simulate("tiny", seed);

    /// <summary>`simulate --scenario <paramref name="scenario"/> --seed <paramref name="seed"/>` with further options, shared.</summary>
    public static Task<ScenarioData> Simulate(string scenario, int seed, params string[] options) =>
        Once(Simulated, [scenario, seed.ToString(CultureInfo.InvariantCulture), .. options], async () =>
        {
            var folder = NewFolder($"{scenario}-{seed}");
            Assert.Equal(0, await Cli.Run(["simulate", "--scenario", scenario, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", folder, .. options]));
            return new ScenarioData(folder);
        });

    /// <summary>A red-team log of `../shared/data/redteam` (laid out as `simulate` writes), for <see cref="Analyse"/>.</summary>
    public static ScenarioData RedTeam(string provider) => new(Path.Combine(SharedData.Root, "redteam", provider));

    /// <summary>
    /// `analyze --input DATA/exchanges.jsonl.gz --out OUT` with further options, shared. The fixture owns --out and
    /// the database (OUT/distillguard.duckdb), so the options must not name them.
    /// </summary>
    public static Task<AnalysedScenario> Analyse(ScenarioData data, params string[] options)
    {
        Assert.DoesNotContain(options, o => o is "--out" or "--db");
        return Once(Analysed, [data.Log, .. options], async () =>
        {
            var output = NewFolder(Path.GetFileName(data.Folder) + "-out");
            Assert.Equal(0, await Cli.Run(["analyze", "--input", data.Log, "--out", output, .. options]));
            return new AnalysedScenario(data, output);
        });
    }

    /// <summary>A 32-byte key file, the SHA-256 of <paramref name="phrase"/> (fixed, so runs reproduce), readable by its owner only.</summary>
    public static Task<string> Key(string phrase) =>
        Once(Keys, [phrase], async () =>
        {
            var path = Path.Combine(NewFolder("key"), "group.key");
            await PrivateFile.WriteAsync(path, SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(phrase)));
            return path;
        });

    /// <summary>The local hashing key (--key-file) that tests fix so that two runs hash alike; one key, so their analyses are shared too.</summary>
    public static Task<string> HashKey() => Key("a fixed local hashing key");

    private static Task<T> Once<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string[] key, Func<Task<T>> make) =>
        cache.GetOrAdd(string.Join('\u001f', key), _ => new Lazy<Task<T>>(make)).Value;

    private static string NewFolder(string name)
    {
        var folder = Root[$"{Interlocked.Increment(ref folders):D3}-{name}"];
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>A log and its labels in one folder, as `simulate` writes them; read-only when it came from <see cref="Scenarios"/>.</summary>
internal sealed record ScenarioData(string Folder, string Log)
{
    public ScenarioData(string folder)
        : this(folder, Path.Combine(folder, "exchanges.jsonl.gz"))
    {
    }

    public string Labels => Path.Combine(Folder, "labels.csv");

    /// <summary>Every line of the log, in file order.</summary>
    public Task<List<string>> LinesAsync() => ExchangeLog.ReadAsync(Log);

    /// <summary>
    /// Writes the log, through <paramref name="edit"/> if given, uncompressed into <paramref name="name"/> under
    /// <paramref name="dir"/> with the labels beside it: a copy the test owns and may change.
    /// </summary>
    public async Task<ScenarioData> CopyToAsync(TempDir dir, Func<List<string>, IEnumerable<string>>? edit = null, string name = "data")
    {
        var folder = dir[name];
        Directory.CreateDirectory(folder);
        var lines = await LinesAsync();
        var copy = new ScenarioData(folder, Path.Combine(folder, "exchanges.jsonl"));
        await File.WriteAllLinesAsync(copy.Log, edit is null ? lines : edit(lines));
        File.Copy(Labels, copy.Labels);
        return copy;
    }
}

/// <summary>One `analyze` run of a <see cref="ScenarioData"/>: its output folder, read-only when it came from <see cref="Scenarios"/>.</summary>
internal sealed record AnalysedScenario(ScenarioData Data, string Out)
{
    public string this[string name] => Path.Combine(Out, name);

    public string Accounts => this["accounts.csv"];

    public string Campaigns => this["campaigns.json"];

    /// <summary>The DuckDB store of the run; commands may read it (explain, intel export, intel match), none may add a run.</summary>
    public string Db => this["distillguard.duckdb"];

    /// <summary>The run's verdicts against the data's labels.</summary>
    public EvaluationResult Evaluate() => Evaluator.Evaluate(AccountsCsv.Read(Accounts), LabelsCsv.Read(Data.Labels));

    /// <summary>The first campaign of campaigns.json and its first account.</summary>
    public async Task<(string CampaignId, string AccountId)> FirstCampaignAsync()
    {
        using var campaigns = JsonDocument.Parse(await File.ReadAllTextAsync(Campaigns));
        var campaign = campaigns.RootElement[0];
        return (campaign.GetProperty("campaign_id").GetString()!, campaign.GetProperty("accounts")[0].GetString()!);
    }
}
