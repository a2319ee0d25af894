namespace DistillGuard.Core.Content;

/// <summary>Arithmetic on sentence-embedding vectors.</summary>
public static class EmbeddingMath
{
    /// <summary>Cosine similarity of two vectors of the same length (0 when either is zero).</summary>
    public static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException("vectors differ in length");
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>The unit-length mean direction of a non-empty set of vectors of one length.</summary>
    public static float[] Centroid(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            throw new ArgumentException("no vectors", nameof(vectors));
        }

        var sum = new double[vectors[0].Length];
        foreach (var v in vectors)
        {
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += v[i];
            }
        }

        var norm = Math.Sqrt(sum.Sum(x => x * x));
        return [.. sum.Select(x => norm == 0 ? 0f : (float)(x / norm))];
    }
}
