namespace DistillGuard.Core.Sketches;

/// <summary>Checks shared by the state codecs: a snapshot that does not read back as written is refused, never half-read.</summary>
internal static class StateCodec
{
    /// <summary>The longest array a snapshot may declare (a corrupt length is refused before it allocates).</summary>
    public const int MaxArray = 1 << 20;

    public static void Expect<T>(T actual, T expected, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            throw new InvalidDataException($"state snapshot: {what} is {actual}, expected {expected}");
        }
    }

    public static void ReadExactly(BinaryReader reader, Span<byte> into)
    {
        if (reader.Read(into) != into.Length)
        {
            throw new InvalidDataException("state snapshot: cut short");
        }
    }
}
