namespace DistillGuard.Ingest.Formats;

/// <summary>Which files an input path names, how they are opened, and how their I/O faults become <see cref="InputFileException"/>.</summary>
internal static class InputFiles
{
    public enum Kind { Jsonl, JsonlGzip, Csv, Parquet, Unsupported }

    public static Kind KindOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.JsonlGzip;
        }

        return Path.GetExtension(name).ToUpperInvariant() switch
        {
            ".JSONL" or ".NDJSON" => Kind.Jsonl,
            ".CSV" => Kind.Csv,
            ".PARQUET" => Kind.Parquet,
            _ => Kind.Unsupported,
        };
    }

    /// <summary>The files of a path: the file itself, or every supported file under a folder, ordinal-sorted, less any under <paramref name="skipFolder"/>.</summary>
    public static IReadOnlyList<string> Enumerate(string path, string? skipFolder = null)
    {
        if (Directory.Exists(path))
        {
            try
            {
                var skipped = skipFolder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(skipFolder)) + Path.DirectorySeparatorChar;
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => KindOf(f) != Kind.Unsupported)
                    .Where(f => skipped is null || !Path.GetFullPath(f).StartsWith(skipped, StringComparison.Ordinal))
                    .ToList();
                files.Sort(StringComparer.Ordinal);
                return files;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputFileException(path, e.Message, e);
            }
        }

        if (!File.Exists(path))
        {
            throw new InputFileException(path, "no such file or folder", null);
        }

        if (KindOf(path) == Kind.Unsupported)
        {
            throw new InputFileException(path, "unsupported extension (expected .jsonl, .ndjson, .jsonl.gz, .ndjson.gz, .csv or .parquet)", null);
        }

        return [path];
    }

    /// <summary>Opens a file for one sequential pass, counting the bytes consumed.</summary>
    public static Stream Open(string path, Action<long> onBytes) => new CountingStream(OpenSeekable(path), onBytes);

    public static FileStream OpenSeekable(string path)
    {
        try
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                BufferSize = 1 << 16,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (Exception e) when (IsFileFault(e))
        {
            throw new InputFileException(path, e.Message, e);
        }
    }

    /// <summary>Turns an I/O or format fault of a read into an error naming the file.</summary>
    public static async ValueTask<T> Guard<T>(string path, ValueTask<T> read)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (Exception e) when (IsFileFault(e))
        {
            throw new InputFileException(path, e.Message, e);
        }
    }

    public static bool IsFileFault(Exception e) =>
        e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException;
}
