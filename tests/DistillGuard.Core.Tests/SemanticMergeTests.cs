using CsCheck;
using DistillGuard.Core.Content;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>Semantic merging joins clusters whose wrappers mean the same, never below its threshold, and each cluster joins one group at most.</summary>
public class SemanticMergeTests
{
    private static readonly SemanticMergeOptions Options = new() { MinCosine = 0.86, MinCapabilityAgreement = 0.95, MinSamples = 8 };
    private static readonly double[] Maths = [0.9, 0.1, 0, 0];
    private static readonly double[] Coding = [0, 0.1, 0.9, 0];

    /// <summary>A cluster of <paramref name="size"/> accounts whose wrapper centroid points at <paramref name="angle"/> (radians) in one plane.</summary>
    private static WrapperMeaning Cluster(string prefix, int size, double angle, double[]? mix = null, int samples = 16) => new(
        new LinkedCluster(
            [.. Enumerable.Range(0, size).Select(i => new AccountId($"{prefix}{i:D2}"))],
            Enumerable.Range(0, size).ToDictionary(i => new AccountId($"{prefix}{i:D2}"), _ => 1.0),
            [$"{size} accounts share a card"],
            size),
        [(float)Math.Cos(angle), (float)Math.Sin(angle), 0f],
        samples,
        mix ?? Maths);

    /// <summary>The angle whose cosine is <paramref name="cosine"/>.</summary>
    private static double At(double cosine) => Math.Acos(cosine);

    [Fact]
    public void FragmentsWhoseWrappersMeanTheSameJoinTheLargerClusterWithTheReasonAndTheCosine()
    {
        var merged = SemanticMerge.Merge([Cluster("a", 12, 0), Cluster("f", 6, At(0.93))], Options);
        var one = Assert.Single(merged);
        Assert.Equal(18, one.Accounts.Count);
        Assert.Equal(12, one.LargestLinkedGroup);
        Assert.Contains(one.Evidence, e => e.Contains("means the same", StringComparison.Ordinal) && e.Contains("0.93", StringComparison.Ordinal));
    }

    [Fact]
    public void NoClustersJoinBelowTheThreshold()
    {
        var merged = SemanticMerge.Merge([Cluster("a", 12, 0), Cluster("f", 6, At(0.85)), Cluster("g", 4, -At(0.5))], Options);
        Assert.Equal(3, merged.Count);
        Assert.All(merged, c => Assert.Single(c.Evidence));
    }

    [Fact]
    public void ClustersThatHarvestDifferentCapabilitiesStayApartHoweverAlikeTheirWrappers()
    {
        var merged = SemanticMerge.Merge([Cluster("a", 12, 0, Maths), Cluster("f", 6, 0, Coding)], Options);
        Assert.Equal(2, merged.Count);
    }

    [Fact]
    public void AClusterWithTooFewSampledWrappersJoinsNothing()
    {
        var merged = SemanticMerge.Merge([Cluster("a", 12, 0), Cluster("f", 6, 0, samples: 7)], Options);
        Assert.Equal(2, merged.Count);
    }

    [Fact]
    public void AFragmentCloseToTwoApartClustersJoinsOnlyTheNearerAndTheyStayApart()
    {
        // a and b are 0.80 apart (below the threshold); the fragment is 0.95 from a and 0.97 from b.
        var a = Cluster("a", 12, 0);
        var b = Cluster("b", 10, At(0.80));
        var fragment = Cluster("f", 3, At(0.80) - At(0.97));
        var merged = SemanticMerge.Merge([a, b, fragment], Options);
        Assert.Equal(2, merged.Count);
        var joined = Assert.Single(merged, c => c.Accounts.Count == 13);
        Assert.Contains(joined.Accounts, x => x.Value.StartsWith('b'));
        Assert.DoesNotContain(merged, c => c.Accounts.Any(x => x.Value.StartsWith('a')) && c.Accounts.Any(x => x.Value.StartsWith('b')));
    }

    [Fact]
    public void AChainOfLookAlikesDoesNotJoinItsEnds()
    {
        // Each step is 0.90 from the next, the ends 0.62 apart: the middle joins the top and the far end stays out.
        var merged = SemanticMerge.Merge([Cluster("a", 12, 0), Cluster("b", 8, At(0.90)), Cluster("c", 6, 2 * At(0.90))], Options);
        Assert.Equal(2, merged.Count);
        Assert.Contains(merged, c => c.Accounts.Count == 6);
    }

    [Fact]
    public void TheResultDoesNotDependOnTheOrderOfTheClusters()
    {
        var gen = Gen.Select(Gen.Int[2, 8], Gen.Int[0, int.MaxValue]).Select((count, seed) =>
        {
            var rng = new Random(seed);
            return Enumerable.Range(0, count)
                .Select(i => Cluster($"c{i}-", rng.Next(3, 20), rng.NextDouble() * 0.8, rng.Next(2) == 0 ? Maths : Coding, rng.Next(6, 17)))
                .ToArray();
        });
        gen.Sample(clusters =>
        {
            var expected = Describe(SemanticMerge.Merge(clusters, Options));
            var shuffled = clusters.Reverse().ToArray();
            Random.Shared.Shuffle(shuffled);
            Assert.Equal(expected, Describe(SemanticMerge.Merge(shuffled, Options)));
        });
    }

    private static string Describe(IReadOnlyList<LinkedCluster> clusters) =>
        string.Join(" | ", clusters.Select(c => string.Join(',', c.Accounts.Select(a => a.Value)) + " : " + string.Join(';', c.Evidence)));
}

/// <summary>The in-process cache answers a sentence seen before without the model and keeps vectors in order.</summary>
public class CachedSentenceEncoderTests
{
    private sealed class CountingEncoder : ISentenceEncoder
    {
        public int Sentences { get; private set; }

        public int Prepared { get; private set; }

        public void Prepare() => Prepared++;

        public float[][] Encode(IReadOnlyList<string> sentences)
        {
            Sentences += sentences.Count;
            return [.. sentences.Select(s => new[] { s.Length, 1f })];
        }
    }

    [Fact]
    public void PreparingTheCacheLoadsTheModelBehindIt()
    {
        // The pipeline prepares the encoder while it reads the log, so the model load overlaps the read.
        var inner = new CountingEncoder();
        ((ISentenceEncoder)new CachedSentenceEncoder(inner)).Prepare();
        Assert.Equal(1, inner.Prepared);
        Assert.Equal(0, inner.Sentences);
    }

    [Fact]
    public void ASentenceSeenBeforeIsNotEncodedAgainAndEveryVectorIsInItsSentencesPlace()
    {
        var inner = new CountingEncoder();
        var cached = new CachedSentenceEncoder(inner);
        cached.Encode(["a", "bb"]);
        var vectors = cached.Encode(["ccc", "a", "ccc", "bb"]);
        Assert.Equal(3, inner.Sentences);
        Assert.Equal([3f, 1f, 3f, 2f], vectors.Select(v => v[0]));
        Assert.Equal(3, cached.Hits);
    }

    [Fact]
    public void PastItsCapacityItStillAnswersButRemembersNoMore()
    {
        var inner = new CountingEncoder();
        var cached = new CachedSentenceEncoder(inner, capacity: 1);
        Assert.Equal(2, cached.Encode(["a", "bb"]).Length);
        cached.Encode(["bb"]);
        Assert.Equal(3, inner.Sentences);
    }
}
