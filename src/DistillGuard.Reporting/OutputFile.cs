namespace DistillGuard.Reporting;

/// <summary>
/// Writes an output beside its final name and moves it into place, so a reader never sees half a file. Neither name is
/// followed if it is a symbolic link: a link planted at the temporary name is removed and the file created anew, and
/// the move replaces a link at the final name instead of writing through it.
/// </summary>
internal static class OutputFile
{
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var temporary = path + ".partial";
        File.Delete(temporary);
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
