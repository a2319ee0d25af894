using System.Text.Json;

namespace DistillGuard.Simulation.Tests.Support;

/// <summary>Test data factories.</summary>
public static class Some
{
    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "dg-sim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A JSONL corpus of <paramref name="texts"/>, with a follow-up turn on each.</summary>
    public static string Corpus(string dir, string name, IEnumerable<string> texts)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllLines(path, texts.Select(t => JsonSerializer.Serialize(new { text = t, source = "test", turns = new[] { "follow " + t } })));
        return path;
    }

    /// <summary>The repository root (the folder holding DistillGuard.sln), found from the test binary.</summary>
    public static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DistillGuard.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
