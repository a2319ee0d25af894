using DistillGuard.Cli;

namespace DistillGuard.EndToEnd.Tests;

/// <summary>Runs the real `distillguard` command line in-process and hands back its exit code.</summary>
internal static class Cli
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<int> Run(params string[] args)
    {
        // Spectre.Console renders progress on one shared console; runs take turns.
        await OneAtATime.WaitAsync();
        try
        {
            return await CliApp.RunAsync(args);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>
    /// Runs a command with Spectre.Console writing into a string (at a given width, so long ids stay on
    /// one line). The console is global, so it is swapped while this run holds the turn: a test running
    /// in parallel can neither write into this capture nor have its own output taken.
    /// </summary>
    public static async Task<(int Code, string Text)> RunCaptured(int width, params string[] args)
    {
        await OneAtATime.WaitAsync();
        var writer = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(writer), Ansi = Spectre.Console.AnsiSupport.No });
        console.Profile.Width = width;
        var previous = Spectre.Console.AnsiConsole.Console;
        Spectre.Console.AnsiConsole.Console = console;
        try
        {
            return (await CliApp.RunAsync(args), writer.ToString());
        }
        finally
        {
            Spectre.Console.AnsiConsole.Console = previous;
            OneAtATime.Release();
        }
    }

    /// <summary>Simulates `tiny` with a seed and analyses it into a database; the first campaign's id and its first account.</summary>
    public static async Task<(string Db, string CampaignId, string AccountId)> AnalysedTiny(TempDir dir, int seed)
    {
        Assert.Equal(0, await Run("simulate", "--scenario", "tiny", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", dir["data"]));
        var db = dir["runs.duckdb"];
        Assert.Equal(0, await Run("analyze", "--input", dir["data"], "--out", dir["out"], "--db", db));
        using var campaigns = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "campaigns.json")));
        var campaign = campaigns.RootElement[0];
        return (db, campaign.GetProperty("campaign_id").GetString()!, campaign.GetProperty("accounts")[0].GetString()!);
    }

    /// <summary>Runs the command line with standard error captured, for tests of error messages.</summary>
    public static async Task<(int Code, string Errors)> RunCapturingErrors(params string[] args)
    {
        await OneAtATime.WaitAsync();
        var original = Console.Error;
        var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            return (await CliApp.RunAsync(args), errors.ToString());
        }
        finally
        {
            Console.SetError(original);
            OneAtATime.Release();
        }
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dg-e2e-" + Guid.NewGuid().ToString("N")[..10]);

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Where the shared corpora live: ../shared beside the repository.</summary>
internal static class SharedData
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "DistillGuard.sln")))
            {
                dir = dir.Parent;
            }

            var shared = dir?.Parent is { } parent ? System.IO.Path.Combine(parent.FullName, "shared", "data") : null;
            return shared is not null && Directory.Exists(shared)
                ? shared
                : throw new InvalidOperationException("../shared/data beside the repository is needed for the corpus-driven tests");
        }
    }
}

/// <summary>Key files as a careful user writes them: readable by the owner only, as analyze requires of its hashing key.</summary>
internal static class PrivateFile
{
    public static async Task WriteAsync(string path, byte[] bytes)
    {
        await File.WriteAllBytesAsync(path, bytes);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
