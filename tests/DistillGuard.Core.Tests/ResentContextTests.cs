using Xunit;
using DistillGuard.Core.Features;

namespace DistillGuard.Core.Tests;

/// <summary>Without logged turn numbers, the history an exchange resends says whether it continues a conversation.</summary>
public class ResentContextTests
{
    private static readonly string Short = "now fix the failing test";

    [Fact]
    public void ALoggedTurnIndexIsTakenAsItIs()
    {
        Assert.Equal(3, ResentContext.TurnIndex(Some.Exchange(prompt: Short) with { TurnIndex = 3, InputTokens = 10 }, new TurnContext(0, 0, true, 500)));
        Assert.Equal(0, ResentContext.TurnIndex(Some.Exchange(prompt: Short) with { TurnIndex = 0, InputTokens = 90_000 }, new TurnContext(5_000, 7, true, 500)));
    }

    [Fact]
    public void AnExchangeResendingAHistoryContinuesAThreadAndResendingThePreviousExchangeMakesItTheNextTurn()
    {
        var continuation = Some.Exchange(prompt: Short) with { InputTokens = 5_024 };
        Assert.Equal(1, ResentContext.TurnIndex(continuation, new TurnContext(0, 0, true, 500)));
        Assert.Equal(4, ResentContext.TurnIndex(continuation, new TurnContext(4_000, 3, true, 500)));
        Assert.Equal(4, ResentContext.TurnIndex(continuation, new TurnContext(5_500, 3, true, 500))); // a tenth of the history may be dropped
        Assert.Equal(1, ResentContext.TurnIndex(continuation, new TurnContext(9_000, 3, true, 500))); // another, longer thread came before
        Assert.Equal(1, ResentContext.TurnIndex(Some.Exchange(prompt: Short) with { InputTokens = 400 }, new TurnContext(0, 0, true, 500)));

        // Out of time order the previous exchange says nothing: the history counts the answers it could hold.
        Assert.Equal(10, ResentContext.TurnIndex(continuation, new TurnContext(4_000, 3, false, 500)));
        Assert.Equal(1, ResentContext.TurnIndex(continuation, new TurnContext(4_000, 3, false, 20_000)));
    }

    [Fact]
    public void ASingleShotPromptIsAnOpeningWhateverItsScriptSystemPromptOrTools()
    {
        var english = string.Join(' ', Enumerable.Repeat("Solve the following integral and show each step.", 60));
        var dense = new string('题', 3_000); // about a token a character
        Assert.Equal(0, ResentContext.TurnIndex(Some.Exchange(prompt: english) with { InputTokens = english.Length / 4 }, new TurnContext(100_000, 5, true, 500)));
        Assert.Equal(0, ResentContext.TurnIndex(Some.Exchange(prompt: dense) with { InputTokens = 3_000 }, new TurnContext(100_000, 5, true, 500)));
        Assert.Equal(0, ResentContext.TurnIndex(Some.Exchange(prompt: Short) with { SystemPrompt = new string('s', 4_000), InputTokens = 1_010 }, new TurnContext(100_000, 5, true, 500)));
        Assert.Equal(0, ResentContext.TurnIndex(Some.Exchange(prompt: string.Empty) with { Status = DistillGuard.Core.Model.ExchangeStatus.Error, InputTokens = 400 }, new TurnContext(300, 2, true, 500)));
        Assert.Equal(0, ResentContext.TurnIndex(Some.Exchange(prompt: Short) with { ToolsDeclared = 20, InputTokens = 2_806 }, new TurnContext(100_000, 5, true, 500)));
    }

    [Fact]
    public void AnAgentSessionWithoutTurnNumbersStillReadsAsADeepSession()
    {
        // The same session logged with and without conversation ids and turn numbers.
        // Each session works on a task of its own (sessions that all open on one task would be one frame, and depth would not count).
        string[] tasks = ["Refactor the payment module so the retry logic is testable.", "Add pagination to the orders endpoint and its tests.",
            "Fix the flaky login test that times out on CI.", "Upgrade the logging library and remove the deprecated calls."];
        var turns = Enumerable.Range(0, 40).Select(t => Some.Exchange("agent", t % 10 == 0 ? tasks[t / 10] : "tool result: 3 tests failed", t) with
        {
            ConversationId = $"s{t / 10}",
            TurnIndex = t % 10,
            ToolsDeclared = 12,
            ToolCalls = t % 10 == 9 ? 0 : 1,
            InputTokens = 2_500 + (t % 10 * 3_000),
        }).ToArray();
        var logged = AccountFeatureExtractor.Extract(Some.State("agent", turns));
        var bare = AccountFeatureExtractor.Extract(Some.State("agent", turns.Select(e => e with { ConversationId = null, TurnIndex = null })));

        Assert.Equal(logged.FirstTurnShare, bare.FirstTurnShare, 9);
        Assert.Equal(logged.MeanTurnIndex, bare.MeanTurnIndex, 9);
        Assert.Equal(logged.MaxTurnIndex, bare.MaxTurnIndex);

        // The depth reason says when the turns were read from the history rather than logged.
        Assert.Equal(0, logged.InferredTurnShare);
        Assert.Equal(1, bare.InferredTurnShare, 9);
        static string Depth(DistillGuard.Core.Model.AccountFeatures f) => DistillGuard.Core.Scoring.HarvestScorer.Score(f, DistillGuard.Core.Scoring.ScoringParameters.Default)
            .Reasons.Single(r => r.Signal == DistillGuard.Core.Scoring.SignalNames.ConversationDepth).Evidence;
        Assert.DoesNotContain("history they resend", Depth(logged), StringComparison.Ordinal);
        Assert.Contains("100 % of follow-ups placed by the history they resend", Depth(bare), StringComparison.Ordinal);
        Assert.DoesNotContain(";", Depth(bare), StringComparison.Ordinal);
        Assert.True(bare.ToolResultFeedbackShare > 0.5, $"tool feedback {bare.ToolResultFeedbackShare}");

        // Exported out of time order, the session is still deep: its continuations count the answers their history holds.
        var shuffled = AccountFeatureExtractor.Extract(Some.State("agent", turns.Select(e => e with { ConversationId = null, TurnIndex = null }).OrderBy(e => (e.Timestamp.Minute * 7) % 40)));
        Assert.Equal(logged.FirstTurnShare, shuffled.FirstTurnShare, 9);
        Assert.True(shuffled.MeanTurnIndex >= logged.MeanTurnIndex / 2, $"{shuffled.MeanTurnIndex} against {logged.MeanTurnIndex}");
    }
}
