namespace DistillGuard.Reporting;

/// <summary>Writes an output beside its final name and moves it into place, so a reader never sees half a file.</summary>
internal static class OutputFile
{
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var temporary = path + ".partial";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
