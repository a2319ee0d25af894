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

    /// <summary>
    /// Runs the real executable in a child process with its output sent to pipes, as when an analyst saves it to a file.
    /// It takes its turn like an in-process run: it may open a store that another test's run reads.
    /// </summary>
    public static async Task<(int Code, string Output, string Errors)> RunExecutable(params string[] args)
    {
        await OneAtATime.WaitAsync();
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "distillguard.dll"));
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output, await errors);
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
        : this(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dg-e2e-" + Guid.NewGuid().ToString("N")[..10]))
    {
    }

    /// <summary>A folder at a fixed place, emptied first of what a run stopped before its clean-up left there.</summary>
    public TempDir(string path)
    {
        Path = path;
        Dispose();
        Directory.CreateDirectory(path);
    }

    public string Path { get; }

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
