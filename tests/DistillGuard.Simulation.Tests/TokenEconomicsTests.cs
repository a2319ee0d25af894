using CsCheck;
using DistillGuard.Core.Model;
using DistillGuard.Simulation.Populations;
using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Tests;

/// <summary>Invariants of one call, for any seed and any call shape.</summary>
public sealed class TokenEconomicsTests
{
    private static readonly Gen<CallShape> Shapes =
        from output in Gen.Double[1, 5000]
        from max in Gen.Long[1, 64000].Nullable()
        from thinking in Gen.Double[0, 1]
        from tools in Gen.Int[0, 40].Nullable()
        from conversation in Gen.Bool
        select new CallShape(Models.Large, null, output, 0.9, max, null, thinking, 1500, tools, 0.8, conversation, 0.05, 0.05);

    [Fact]
    public void StopReasonStatusAndTokenCountsAlwaysAgree() =>
        Gen.Select(Gen.Int, Shapes, Gen.String[0, 400]).Sample((seed, shape, prompt) =>
        {
            var ctx = new SimContext(ScenarioCatalog.Get("tiny"), seed, new PromptSources(new OrganicChatPrompts(), new CapabilityPrompts(), new AgentTaskPrompts()));
            AccountTraffic traffic = ctx.NewAccount(new AccountDraft("casual", ctx.Spec.Start, "gmail.com", null,
                [new Endpoint("10.0.0.1", 7922, "US")], ["ua"], 0));
            traffic.Call(ctx.Spec.Start.AddHours(1), prompt.Length == 0 ? "x" : prompt, shape);
            Exchange e = Assert.Single(ctx.Sink.Sorted());

            Assert.True(e.InputTokens >= 0 && e.OutputTokens >= 0);
            Assert.True(shape.MaxTokens is not long cap || e.OutputTokens + (e.ReasoningTokens ?? 0) <= cap);
            Assert.Equal(e.StopReason == StopReason.ToolUse, e.ToolCalls > 0);
            Assert.Equal(e.Status == ExchangeStatus.Refused, e.StopReason == StopReason.Refusal);
            Assert.True(e.Status != ExchangeStatus.Error || (e.OutputTokens == 0 && e.StopReason is null));
            Assert.True(e.Prompt.Length > 0 || e.Status == ExchangeStatus.Error);
        });
}
