using System.IO.Compression;
using System.Text.Json;

namespace DistillGuard.Simulation.Tests.Support;

/// <summary>A simulation written to a temporary folder, read back for assertions.</summary>
public sealed class SimulatedLog : IDisposable
{
    private SimulatedLog(string dir, SimulationResult result)
    {
        Dir = dir;
        Result = result;
        Records = [.. ReadRecords(result.ExchangesPath)];
        Labels = [.. File.ReadAllLines(result.LabelsPath).Skip(1).Select(LabelRow.Parse)];
        LabelHeader = File.ReadLines(result.LabelsPath).First();
    }

    public string Dir { get; }

    public SimulationResult Result { get; }

    public IReadOnlyList<JsonElement> Records { get; }

    public IReadOnlyList<LabelRow> Labels { get; }

    public string LabelHeader { get; }

    public static SimulatedLog Run(string scenario, int seed, string? organic = null, string? extraction = null)
    {
        string dir = Some.TempDir();
        SimulationResult result = Simulator.Run(new SimulationOptions(scenario, seed, dir, organic, extraction));
        return new SimulatedLog(dir, result);
    }

    public IEnumerable<JsonElement> RecordsOfKind(string kind)
    {
        var ids = Labels.Where(l => l.Kind == kind).Select(l => l.AccountId).ToHashSet(StringComparer.Ordinal);
        return Records.Where(r => ids.Contains(r.GetProperty("account_id").GetString()!));
    }

    public static IEnumerable<JsonElement> ReadRecords(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            yield return doc.RootElement.Clone();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>One row of labels.csv.</summary>
public sealed record LabelRow(string AccountId, string Label, string CampaignId, string Kind)
{
    public static LabelRow Parse(string line)
    {
        string[] p = line.Split(',');
        return new LabelRow(p[0], p[1], p[2], p[3]);
    }
}

/// <summary>Shared run of the <c>tiny</c> scenario.</summary>
public sealed class TinyLogFixture : IDisposable
{
    public SimulatedLog Log { get; } = SimulatedLog.Run("tiny", 7);

    public void Dispose() => Log.Dispose();
}
