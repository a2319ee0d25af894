namespace DistillGuard.Core.Content;

/// <summary>
/// Turns sentences into unit-length embedding vectors, one per sentence and in the same order; equal
/// sentences give equal vectors. The core holds no model: a host passes an implementation in.
/// </summary>
public interface ISentenceEncoder
{
    float[][] Encode(IReadOnlyList<string> sentences);

    /// <summary>Gets ready to encode (loads a model), so that a host can do it while other work runs; nothing by default.</summary>
    void Prepare()
    {
    }
}
