using DistillGuard.Core.Sketches;
using Xunit;
using DistillGuard.Core.Features;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Tests;

public class AccountStateTests
{
    private static IEnumerable<Exchange> Traffic(int n) => Enumerable.Range(0, n).Select(i => Some.Exchange("acct_m", $"Solve step by step: what is {i} times {i + 3}?", i * 37) with
    {
        ConversationId = $"c{i / 4}",
        TurnIndex = i % 4,
        ReasoningTokens = i % 2 == 0 ? 1000 : null,
        MaxTokens = 8000,
        Temperature = 0,
    });

    [Fact]
    public void MergingTwoHalvesGivesTheSameCountsAsOneState()
    {
        var all = Traffic(200).ToList();
        var whole = Some.State("acct_m", all);
        var left = Some.State("acct_m", all.Take(100));
        left.Merge(Some.State("acct_m", all.Skip(100)));
        var a = AccountFeatureExtractor.Extract(whole);
        var b = AccountFeatureExtractor.Extract(left);
        Assert.Equal(a.Exchanges, b.Exchanges);
        Assert.Equal(a.OutputTokens, b.OutputTokens);
        Assert.Equal(a.ReasoningElicitationShare, b.ReasoningElicitationShare);
        Assert.Equal(a.HourEntropy, b.HourEntropy, 10);
        Assert.Equal(a.MeanTurnIndex, b.MeanTurnIndex, 10);
        Assert.Equal(a.DistinctPromptShare, b.DistinctPromptShare, 10);
        Assert.Equal(a.FirstSeen, b.FirstSeen);
        Assert.Equal(a.LastSeen, b.LastSeen);
    }

    [Fact]
    public void FeaturesReflectTheTraffic()
    {
        var f = AccountFeatureExtractor.Extract(Some.State("acct_m", Traffic(100)));
        Assert.Equal(100, f.Exchanges);
        Assert.Equal(1.0, f.ReasoningElicitationShare);
        Assert.Equal(0.25, f.FirstTurnShare, 3);
        Assert.Equal(1.5, f.MeanTurnIndex, 3);
        Assert.Equal(1.0, f.ZeroTemperatureShare);
        Assert.Equal(0.5, f.ReasoningShare);
        Assert.Equal(8000, f.MeanMaxTokens);
        Assert.InRange(f.DistinctPromptShare, 0.7, 1.0);
    }

    /// <summary>Many users behind one account: each its own client and conversation, their turns interleaved.</summary>
    private static IEnumerable<Exchange> Resold(int users, int turns) =>
        Enumerable.Range(0, users * turns).Select(i => Some.Exchange("acct_r", $"question {i % users}, turn {i / users}", i) with
        {
            UserAgent = $"client/{i % users}",
            ConversationId = $"u{i % users}",
            TurnIndex = i / users,
        });

    [Fact]
    public void AnAccountFrontingManyUsersCountsTheirClientsAndItsInterleavedThreads()
    {
        var f = AccountFeatureExtractor.Extract(Some.State("acct_r", Resold(users: 30, turns: 3)));

        Assert.InRange(f.DistinctClients, 24, 36); // a 64-bit linear counter: within about 10 % at this size
        Assert.Equal(1.0, f.InterleavedShare);
    }

    [Fact]
    public void OnePersonOnOneClientFollowingUpInTurnIsNeitherManyClientsNorInterleaved()
    {
        var f = AccountFeatureExtractor.Extract(Some.State("acct_m", Traffic(100).Select(e => e with { UserAgent = "browser" })));

        Assert.Equal(1, f.DistinctClients, 1);
        Assert.Equal(0.0, f.InterleavedShare);
    }

    [Fact]
    public void MergedClientAndInterleavingCountsEqualTheWholeStates()
    {
        var all = Resold(users: 20, turns: 5).ToList();
        var left = Some.State("acct_r", all.Take(50));
        left.Merge(Some.State("acct_r", all.Skip(50)));
        var whole = AccountFeatureExtractor.Extract(Some.State("acct_r", all));
        var merged = AccountFeatureExtractor.Extract(left);

        Assert.Equal(whole.DistinctClients, merged.DistinctClients, 10);
        Assert.Equal(whole.InterleavedShare, merged.InterleavedShare, 10);
    }

    [Fact]
    public void StateStopsGrowingOnceItsSketchesAreFull()
    {
        // Every prompt differs in its numbers, so the phrase sketch fills to its capacity and stays there.
        var busy = Some.State("acct_m", Traffic(2_000));
        var busier = Some.State("acct_m", Traffic(20_000));
        Assert.Equal(busy.StateBytes, busier.StateBytes);
        Assert.True(busier.StateBytes < 1024 + (RecurringPhrases.Capacity * 8) + 64, $"state is {busier.StateBytes} bytes");
    }
}
