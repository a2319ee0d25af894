using System.Text.Json;

namespace DistillGuard.Ingest;

/// <summary>Writes rejects as JSON Lines (<c>rejects.jsonl</c>); the file exists even when nothing is rejected.</summary>
public sealed class JsonlRejectWriter : IRejectSink, IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Lock _gate = new();
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;

    public JsonlRejectWriter(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        // Created anew, never through a symbolic link someone left at the path.
        File.Delete(path);
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>How many rejects were written.</summary>
    public long Count { get; private set; }

    public void Add(RejectedRecord reject)
    {
        ArgumentNullException.ThrowIfNull(reject);
        lock (_gate)
        {
            _json.WriteStartObject();
            _json.WriteString("file", reject.File);
            _json.WriteNumber("line", reject.Line);
            _json.WriteString("reason", reject.Reason);
            if (reject.EventId is not null)
            {
                _json.WriteString("event_id", reject.EventId);
            }

            _json.WriteEndObject();
            _json.Flush();
            _json.Reset();
            _stream.Write(NewLine);
            Count++;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _json.Dispose();
            _stream.Dispose();
        }
    }
}
