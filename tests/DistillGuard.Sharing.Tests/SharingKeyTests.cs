using DistillGuard.Sharing.Fingerprints;
using DistillGuard.Sharing.Keys;

namespace DistillGuard.Sharing.Tests;

public sealed class SharingKeyTests
{
    [Fact]
    public void AShortKeyFileIsRefusedWithItsName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dg-short-{Guid.NewGuid():N}.key");
        File.WriteAllText(path, "0011223344");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => SharingKey.FromFile(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AMissingKeyFileIsRefusedWithItsName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dg-missing-{Guid.NewGuid():N}.key");

        var e = Assert.Throws<FileNotFoundException>(() => SharingKey.FromFile(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHexKeyFileGivesTheSameHashesAsTheBytesItSpells()
    {
        var bytes = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"dg-hex-{Guid.NewGuid():N}.key");
        File.WriteAllText(path, Convert.ToHexString(bytes) + "\n");
        try
        {
            Assert.Equal(new SharingKey(bytes).Hash128("x"), SharingKey.FromFile(path).Hash128("x"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheSameValueUnderTwoKindsHashesDifferently()
    {
        var key = Some.Key(1);

        Assert.NotEqual(
            IndicatorHasher.Hash(key, IndicatorKind.ClientIp, "10.0.0.1"),
            IndicatorHasher.Hash(key, IndicatorKind.Network, "10.0.0.1"));
    }

    [Fact]
    public void SpellingsOfOneAddressHashAlike()
    {
        var key = Some.Key(1);

        Assert.Equal(IndicatorHasher.Hash(key, IndicatorKind.ClientIp, "::ffff:10.0.0.1"), IndicatorHasher.Hash(key, IndicatorKind.ClientIp, " 10.0.0.1"));
        Assert.Equal(IndicatorHasher.Hash(key, IndicatorKind.EmailDomain, "@Example.COM"), IndicatorHasher.Hash(key, IndicatorKind.EmailDomain, "example.com"));
    }

    [Fact]
    public void AParaphrasedWrapperSharesBandsAndAnUnrelatedPromptDoesNot()
    {
        var key = Some.Key(1);
        var r = new Random(3);
        var original = TemplateFingerprint.Compute(key, Some.Wrappers[0]);
        var paraphrase = TemplateFingerprint.Compute(key, Some.Paraphrase(r, Some.Wrappers[0]));
        var unrelated = TemplateFingerprint.Compute(key, Some.OrganicPrompt(r));

        Assert.Equal(TemplateFingerprint.BandCount, original.Bands.Count);
        Assert.True(original.Bands.Zip(paraphrase.Bands).Count(p => p.First == p.Second) >= 2);
        Assert.Equal(0, original.Bands.Zip(unrelated.Bands).Count(p => p.First == p.Second));
    }

    [Fact]
    public void ShinglesDependOnTheWordsNotOnlyOnTheirPositions()
    {
        Assert.Empty(TemplateFingerprint.Shingles("solve the following problem").Intersect(TemplateFingerprint.Shingles("write a short haiku")));
        Assert.Equal(TemplateFingerprint.Shingles("Solve the following"), TemplateFingerprint.Shingles("solve, THE following!"));
        Assert.Equal(2, TemplateFingerprint.Shingles("solve the following problem").Count);
    }

    [Fact]
    public void WithoutTheKeyNoBandMatches()
    {
        var mine = TemplateFingerprint.Compute(Some.Key(1), Some.Wrappers[1]);
        var theirs = TemplateFingerprint.Compute(Some.Key(2), Some.Wrappers[1]);

        Assert.Empty(mine.Bands.Intersect(theirs.Bands));
    }
}
