namespace DistillGuard.TestData;

/// <summary>
/// Where the shared data lives: ../shared/data beside the repository (the public corpora and the red-team logs).
/// One file, compiled into each test project that reads it.
/// </summary>
internal static class SharedData
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DistillGuard.sln")))
            {
                dir = dir.Parent;
            }

            var shared = dir?.Parent is { } parent ? Path.Combine(parent.FullName, "shared", "data") : null;
            return shared is not null && Directory.Exists(shared)
                ? shared
                : throw new InvalidOperationException("../shared/data beside the repository is needed for the tests that read the corpora or the red-team logs");
        }
    }
}
