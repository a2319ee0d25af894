using Xunit;
using CsCheck;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Tests;

public class SketchTests
{
    [Fact]
    public void MinHashEstimatesJaccardWithinItsErrorBound()
    {
        // 16 bins: standard error sqrt(J(1-J)/16) <= 0.125; allow four standard errors.
        Gen.Int[0, 400].Select(Gen.Int[0, 400], Gen.Int[1, 400]).Sample((shared, onlyA, onlyB) =>
        {
            var a = new MinHashSignature();
            var b = new MinHashSignature();
            for (var i = 0; i < shared; i++)
            {
                a.Add((ulong)i * 7919);
                b.Add((ulong)i * 7919);
            }

            for (var i = 0; i < onlyA; i++)
            {
                a.Add(1_000_000UL + (ulong)i);
            }

            for (var i = 0; i < onlyB; i++)
            {
                b.Add(2_000_000UL + (ulong)i);
            }

            var truth = shared / (double)(shared + onlyA + onlyB);
            return Math.Abs(a.Similarity(b) - truth) <= 0.5;
        }, iter: 200);
    }

    [Fact]
    public void ALinearCounterEstimatesSmallDistinctCountsClosely()
    {
        // Linear counting over 64 bits: the standard error is under 10 % up to 40 distinct values; the bound
        // allows about five of them (a simulation of 400,000 draws never crossed it).
        Gen.Int[0, 40].Select(Gen.ULong).Sample((distinct, salt) =>
        {
            var counter = new LinearCounter64();
            for (var i = 0; i < distinct; i++)
            {
                var hash = StableHash.Combine(salt, (ulong)i);
                counter.Add(hash);
                counter.Add(hash);
            }

            return Math.Abs(counter.Estimate() - distinct) <= 3 + (0.4 * distinct);
        }, iter: 300);
    }

    [Fact]
    public void MergedLinearCountersCountTheUnionAndSaturateRatherThanOverflow()
    {
        Gen.Int[0, 300].Select(Gen.Int[0, 300], Gen.ULong).Sample((left, right, salt) =>
        {
            LinearCounter64 a = default, b = default, both = default;
            for (var i = 0; i < left; i++)
            {
                a.Add(StableHash.Combine(salt, (ulong)i));
                both.Add(StableHash.Combine(salt, (ulong)i));
            }

            for (var i = 0; i < right; i++)
            {
                b.Add(StableHash.Combine(salt, 10_000UL + (ulong)i));
                both.Add(StableHash.Combine(salt, 10_000UL + (ulong)i));
            }

            a.Merge(b);
            return a == both && a.Estimate() <= LinearCounter64.Saturated;
        }, iter: 200);
    }

    [Fact]
    public void MinHashOfIdenticalSetsIsOne()
    {
        var a = new MinHashSignature();
        var b = new MinHashSignature();
        for (ulong i = 0; i < 50; i++)
        {
            a.Add(i);
            b.Add(49 - i);
        }

        Assert.Equal(1.0, a.Similarity(b));
    }

    [Fact]
    public void MergedMinHashEqualsMinHashOfTheUnion()
    {
        Gen.UInt.Array[0, 100].Select(Gen.UInt.Array[0, 100]).Sample((xs, ys) =>
        {
            var a = new MinHashSignature();
            var b = new MinHashSignature();
            var union = new MinHashSignature();
            foreach (var x in xs) { a.Add(x); union.Add(x); }
            foreach (var y in ys) { b.Add(y); union.Add(y); }
            a.Merge(b);
            return a.Values.SequenceEqual(union.Values);
        });
    }

    [Fact]
    public void HyperLogLogStaysWithinFourStandardErrors()
    {
        // 64 registers: standard error 1.04 / sqrt(64) = 13%.
        Gen.Int[1, 20_000].Sample(n =>
        {
            var estimate = Estimate(n, salt: 42);
            return Math.Abs(estimate - n) <= Math.Max(3, 0.52 * n);
        }, iter: 200);
    }

    [Fact]
    public void HyperLogLogIsUnbiasedOnAverage()
    {
        var errors = Enumerable.Range(0, 200).Select(salt => (Estimate(5_000, (ulong)salt) - 5_000) / 5_000).ToArray();
        Assert.InRange(errors.Average(), -0.05, 0.05);
        Assert.InRange(Math.Sqrt(errors.Average(e => e * e)), 0, 0.16);
    }

    private static double Estimate(int n, ulong salt)
    {
        var hll = new HyperLogLog();
        for (var i = 0; i < n; i++)
        {
            hll.Add(StableHash.Combine((ulong)i, salt));
            hll.Add(StableHash.Combine((ulong)i, salt)); // repeats do not count
        }

        return hll.Estimate();
    }

    [Fact]
    public void TopKKeepsAKeyThatHoldsMoreThanItsShare()
    {
        Gen.Int[10, 300].Sample(noise =>
        {
            var top = new TopKSegments([4]);
            for (var i = 0; i < noise; i++)
            {
                top.Add(0, 1000UL + (ulong)i);
                top.Add(0, 7); // the heavy key: half of all additions
            }

            return top.Top(0)[0].Key == 7UL;
        });
    }

    [Fact]
    public void TopKSegmentsAreIndependent()
    {
        var top = new TopKSegments([2, 2]);
        for (var i = 0; i < 10; i++)
        {
            top.Add(0, 5);
        }

        top.Add(1, 9);
        Assert.Equal(5UL, top.Top(0)[0].Key);
        Assert.Equal(9UL, top.Top(1)[0].Key);
        Assert.Single(top.Top(1));
    }

    [Fact]
    public void AnActivitySignatureEstimatesTheJaccardOfActiveHoursWithinItsErrorBound()
    {
        // 16 bins: standard error sqrt(J(1-J)/16) <= 0.125; allow four standard errors.
        Gen.Int[24, 300].Select(Gen.Int[0, 300], Gen.Int[0, 300]).Sample((shared, onlyA, onlyB) =>
        {
            var a = default(ActivitySignature);
            var b = default(ActivitySignature);
            for (var h = 0; h < shared; h++)
            {
                a.Add(400_000 + h);
                b.Add(400_000 + h);
            }

            for (var h = 0; h < onlyA; h++)
            {
                a.Add(500_000 + h);
            }

            for (var h = 0; h < onlyB; h++)
            {
                b.Add(600_000 + h);
            }

            var truth = shared / (double)(shared + onlyA + onlyB);
            return Math.Abs(a.Similarity(b) - truth) <= 0.5 && a.ActiveHours == shared + onlyA;
        }, iter: 200);
    }

    [Fact]
    public void AnActivitySignatureCountsEachHourOnceAndMergesToTheUnion()
    {
        var whole = default(ActivitySignature);
        var first = default(ActivitySignature);
        var second = default(ActivitySignature);
        for (var h = 0; h < 100; h++)
        {
            whole.Add(h);
            whole.Add(h); // a second call in the same hour
            if (h < 60)
            {
                first.Add(h);
            }
            else
            {
                second.Add(h);
            }
        }

        first.Merge(second);
        Assert.Equal(100, whole.ActiveHours);
        Assert.Equal(100, first.ActiveHours);
        Assert.Equal(1.0, whole.Similarity(first));
        Assert.All(Enumerable.Range(0, ActivitySignature.Bands), band => Assert.Equal(whole.Band(band), first.Band(band)));
        Assert.Equal(0.0, default(ActivitySignature).Similarity(default));
    }
}
