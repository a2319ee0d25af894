using Xunit;
using DistillGuard.Core.Privacy;

namespace DistillGuard.Core.Tests;

public class KeyedHasherTests
{
    private static byte[] Key(byte fill) => Enumerable.Repeat(fill, KeyedHasher.MinKeyBytes).ToArray();

    [Fact]
    public void ABatchKeysEachValueAsKeyingItAloneDoes()
    {
        using var hasher = new KeyedHasher(Key(7));
        var values = Enumerable.Range(0, 300).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToArray();
        var batch = new ulong[values.Length];
        hasher.HashValues(values, batch);
        Assert.Equal(values.Select(hasher.Hash), batch);
    }

    [Fact]
    public void KeyedValuesAreDistinctDependOnTheKeyAndLeaveZeroAsNoValue()
    {
        using var one = new KeyedHasher(Key(1));
        using var two = new KeyedHasher(Key(2));
        var values = Enumerable.Range(1, 5000).Select(i => (ulong)i).ToArray();
        var a = values.Select(one.Hash).ToArray();
        var b = values.Select(two.Hash).ToArray();
        Assert.Equal(values.Length, a.Distinct().Count());
        Assert.DoesNotContain(a, v => values.Contains(v));
        Assert.Equal(0, a.Zip(b).Count(p => p.First == p.Second));
        Assert.Equal(0UL, one.Hash(0UL));
        Assert.Equal(one.Hash(42UL), new KeyedHasher(Key(1)).Hash(42UL));
    }

    [Fact]
    public void KeyingInPlaceWorksAndAShortDestinationIsRefused()
    {
        using var hasher = new KeyedHasher(Key(3));
        ulong[] values = [11, 12, 13];
        var expected = values.Select(hasher.Hash).ToArray();
        hasher.HashValues(values, values);
        Assert.Equal(expected, values);
        Assert.Throws<ArgumentException>(() => hasher.HashValues(new ulong[3], new ulong[2]));
    }

    [Fact]
    public void AShortKeyIsRefused() =>
        Assert.Throws<ArgumentException>(() => new KeyedHasher(new byte[KeyedHasher.MinKeyBytes - 1]));
}
