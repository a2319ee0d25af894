using System.Globalization;

namespace DistillGuard.Simulation.Randomness;

/// <summary>
/// Sampling helpers over <see cref="Random"/>. Every stream is derived from the run's seed,
/// never from the clock, so a (scenario, seed) pair always gives the same output.
/// </summary>
internal static class Rng
{
    /// <summary>A child stream for <paramref name="stream"/>, independent of how much the parent consumed.</summary>
    public static Random Derive(int seed, ulong stream) => new(unchecked((int)Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ Mix(stream))));

    /// <summary>SplitMix64 finaliser: a stable hash, unlike <see cref="HashCode"/> which is randomised per process.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static double Uniform(this Random rng, double min, double max) => min + (rng.NextDouble() * (max - min));

    public static double Normal(this Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median and log-space spread.</summary>
    public static double LogNormal(this Random rng, double median, double sigma) => median * Math.Exp(sigma * rng.Normal());

    public static int LogNormalInt(this Random rng, double median, double sigma, int min, int max) =>
        (int)Math.Clamp(Math.Round(rng.LogNormal(median, sigma)), min, max);

    /// <summary>Pareto (heavy tail) with scale <paramref name="min"/> and shape <paramref name="alpha"/>.</summary>
    public static double Pareto(this Random rng, double min, double alpha) => min / Math.Pow(1.0 - rng.NextDouble(), 1.0 / alpha);

    public static int Poisson(this Random rng, double mean)
    {
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * rng.Normal())));
        }

        double limit = Math.Exp(-mean), p = 1.0;
        int k = 0;
        do
        {
            k++;
            p *= rng.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }

    /// <summary>Lower-case hex string of <paramref name="chars"/> random digits.</summary>
    public static string Hex(this Random rng, int chars)
    {
        Span<byte> bytes = stackalloc byte[(chars + 1) / 2];
        rng.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes)[..chars];
    }

    /// <summary>A random RFC 4122-shaped (version 4) identifier.</summary>
    public static string Uuid(this Random rng)
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        string h = Convert.ToHexStringLower(b);
        return string.Create(CultureInfo.InvariantCulture, $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}");
    }

    public static int WeightedIndex(this Random rng, IReadOnlyList<double> weights)
    {
        double total = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            total += weights[i];
        }

        double x = rng.NextDouble() * total;
        for (int i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    public static void Shuffle<T>(this Random rng, IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
