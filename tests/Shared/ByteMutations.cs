using CsCheck;

namespace DistillGuard.TestData;

/// <summary>Random damage to a record's bytes, for the property tests of bad input: one file, compiled into each test project that uses it.</summary>
internal static class ByteMutations
{
    /// <summary>One mutation of a line: flip a bit, insert a byte or delete a byte at a position.</summary>
    public static readonly Gen<(int Kind, int Position, byte Value)> One = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 10_000], Gen.Byte);

    /// <summary>The line with the mutations applied in order (positions wrap around the line's length).</summary>
    public static byte[] Apply(byte[] line, (int Kind, int Position, byte Value)[] mutations)
    {
        var bytes = new List<byte>(line);
        foreach (var (kind, position, value) in mutations)
        {
            var at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (kind)
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << (value % 8)); break;
                case 1: bytes.Insert(at, value); break;
                case 2 when bytes.Count > 0: bytes.RemoveAt(at); break;
            }
        }

        return [.. bytes];
    }
}
