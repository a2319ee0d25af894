using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.World;

/// <summary>Relative activity by local hour of day (0–23) and a weekend factor.</summary>
internal sealed record Rhythm(IReadOnlyList<double> HourWeights, double WeekendFactor)
{
    /// <summary>Evening-heavy leisure use, quiet at night.</summary>
    public static readonly Rhythm Leisure = new(
        [0.45, 0.28, 0.16, 0.1, 0.08, 0.1, 0.22, 0.45, 0.7, 0.85, 0.9, 0.95, 1.0, 0.95, 0.9, 0.9, 0.95, 1.0, 1.05, 1.15, 1.25, 1.25, 1.05, 0.75],
        1.1);

    /// <summary>Office hours with some late-night work.</summary>
    public static readonly Rhythm Work = new(
        [0.12, 0.07, 0.04, 0.03, 0.03, 0.04, 0.1, 0.3, 0.7, 1.0, 1.0, 1.0, 0.8, 0.95, 1.0, 1.0, 0.95, 0.85, 0.6, 0.45, 0.4, 0.4, 0.32, 0.2],
        0.3);

    /// <summary>No daily cycle.</summary>
    public static readonly Rhythm Flat = new([.. Enumerable.Repeat(1.0, 24)], 1.0);

    private double Max => HourWeights.Max() * Math.Max(1.0, WeekendFactor);

    public double Weight(DateTimeOffset utc, double utcOffsetHours)
    {
        DateTime local = utc.UtcDateTime.AddHours(utcOffsetHours);
        double w = HourWeights[local.Hour];
        return local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? w * WeekendFactor : w;
    }

    /// <summary>A time in [from, to) drawn with this rhythm's density (rejection sampling).</summary>
    public DateTimeOffset Sample(Random rng, DateTimeOffset from, DateTimeOffset to, double utcOffsetHours)
    {
        double span = (to - from).TotalSeconds;
        double max = Max;
        for (int attempt = 0; attempt < 64; attempt++)
        {
            DateTimeOffset t = from.AddSeconds(rng.NextDouble() * span);
            if (rng.NextDouble() * max < Weight(t, utcOffsetHours))
            {
                return t;
            }
        }

        return from.AddSeconds(rng.NextDouble() * span);
    }
}
