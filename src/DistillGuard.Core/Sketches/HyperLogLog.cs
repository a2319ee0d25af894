using System.Numerics;

namespace DistillGuard.Core.Sketches;

/// <summary>
/// A 64-register HyperLogLog (64 bytes): distinct counts to about ±13% at scale and exact-ish
/// below a hundred through linear counting. Mergeable by register-wise max.
/// </summary>
public sealed class HyperLogLog
{
    private const int Bits = 6;
    private const int Registers = 1 << Bits;
    private readonly byte[] _registers = new byte[Registers];

    public void Add(ulong hash)
    {
        var index = (int)(hash >> (64 - Bits));
        var rest = (hash << Bits) | (1UL << (Bits - 1));
        var rank = (byte)(BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > _registers[index])
        {
            _registers[index] = rank;
        }
    }

    public double Estimate()
    {
        double sum = 0;
        var zeros = 0;
        foreach (var r in _registers)
        {
            sum += Math.Pow(2, -r);
            if (r == 0)
            {
                zeros++;
            }
        }

        const double alpha = 0.709;
        var raw = alpha * Registers * Registers / sum;
        if (raw <= 2.5 * Registers && zeros > 0)
        {
            return Registers * Math.Log((double)Registers / zeros);
        }

        return raw;
    }

    public void Merge(HyperLogLog other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < Registers; i++)
        {
            _registers[i] = Math.Max(_registers[i], other._registers[i]);
        }
    }

    /// <summary>Writes the registers (<see cref="Features.AccountStateCodec"/>).</summary>
    internal void Write(BinaryWriter writer) => writer.Write(_registers);

    /// <summary>Reads registers <see cref="Write"/> wrote into this empty sketch.</summary>
    internal void Read(BinaryReader reader) => StateCodec.ReadExactly(reader, _registers);
}
