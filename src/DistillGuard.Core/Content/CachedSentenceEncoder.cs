using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Content;

/// <summary>
/// Remembers the vectors of the sentences it has encoded, keyed by a 64-bit hash of the text (the text
/// itself is not kept), so a sentence seen again in this process costs nothing. Bounded: once
/// <paramref name="capacity"/> vectors are held, new ones are encoded but not remembered.
/// Not thread-safe; one run uses it at a time.
/// </summary>
public sealed class CachedSentenceEncoder(ISentenceEncoder inner, int capacity = 8192) : ISentenceEncoder
{
    private readonly Dictionary<ulong, float[]> _vectors = [];

    /// <summary>Sentences answered from the cache since this encoder was made.</summary>
    public long Hits { get; private set; }

    /// <summary>Sentences the inner encoder was asked for since this encoder was made.</summary>
    public long Misses { get; private set; }

    public void Prepare() => inner.Prepare();

    public float[][] Encode(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var keys = sentences.Select(s => StableHash.Of(s)).ToArray();
        var missing = keys.Select((key, i) => (Key: key, Index: i)).Where(x => !_vectors.ContainsKey(x.Key)).DistinctBy(x => x.Key).ToArray();
        var fresh = new Dictionary<ulong, float[]>();
        if (missing.Length > 0)
        {
            var vectors = inner.Encode([.. missing.Select(x => sentences[x.Index])]);
            for (var m = 0; m < missing.Length; m++)
            {
                fresh[missing[m].Key] = vectors[m];
                if (_vectors.Count < capacity)
                {
                    _vectors[missing[m].Key] = vectors[m];
                }
            }
        }

        Misses += missing.Length;
        Hits += sentences.Count - missing.Length;
        return [.. keys.Select(k => fresh.TryGetValue(k, out var v) ? v : _vectors[k])];
    }
}
