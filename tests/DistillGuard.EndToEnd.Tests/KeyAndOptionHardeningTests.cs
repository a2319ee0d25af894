namespace DistillGuard.EndToEnd.Tests;

/// <summary>Rows 5 and 7 of the hardening issue: a private hashing key, and prices refused before any work.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class KeyAndOptionHardeningTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static async Task<string> TinyLog() => (await Scenarios.Tiny(201)).Log;

    [Fact]
    public async Task TheHashingKeyIsCreatedReadableByItsOwnerOnly()
    {
        // The shared analysis was given no --key-file: its key was created beside its database.
        var run = await Scenarios.Analyse(await Scenarios.Tiny(201));

        var key = Directory.EnumerateFiles(run.Out, "*.key").Single();
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(key));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
    public async Task AKeyOthersCanReadIsRefusedWithTheFixNamedAndNothingIsWritten(UnixFileMode mode)
    {
        using var dir = new TempDir();
        var log = await TinyLog();
        var key = dir["shared.key"];
        await File.WriteAllBytesAsync(key, Enumerable.Repeat((byte)9, 32).ToArray());
        File.SetUnixFileMode(key, mode);

        var (code, errors) = await Cli.RunCapturingErrors("analyze", "--input", log, "--out", dir["out"], "--key-file", key);

        Assert.NotEqual(0, code);
        Assert.Contains("chmod 600", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir["out"], "summary.json")));
    }

    [Theory]
    [InlineData("--price-output", "NaN")]
    [InlineData("--price-input", "Infinity")]
    [InlineData("--price-reasoning", "-1")]
    public async Task APriceThatIsNotAFiniteNonNegativeNumberIsRefusedBeforeAnyWork(string option, string value)
    {
        using var dir = new TempDir();
        var log = await TinyLog();

        var (code, errors) = await Cli.RunCapturingErrors("analyze", "--input", log, "--out", dir["out"], option, value);

        Assert.NotEqual(0, code);
        Assert.Contains(option, errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir["out"]) && Directory.EnumerateFileSystemEntries(dir["out"]).Any(), "no output before the refusal");
    }
}
