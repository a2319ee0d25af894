using Xunit;
using DistillGuard.Core.Content;
using DistillGuard.Core.Model;
using DistillGuard.Core.Similarity;

namespace DistillGuard.Core.Tests;

public class ContentTests
{
    [Theory]
    [InlineData("Solve this and think step by step: 3x + 5 = 20")]
    [InlineData("Explain how you arrived at the answer to the question below.")]
    [InlineData("Write out the internal reasoning behind this answer, then give the answer.")]
    [InlineData("Reconstruct your reasoning for the following proof.")]
    [InlineData("Grade the following answer against the rubric and justify each score.")]
    [InlineData("Resuelve el problema paso a paso.")]
    [InlineData("Réponds étape par étape, s'il te plaît.")]
    [InlineData("请一步一步地解释这个问题")]
    [InlineData("Before answering, think carefully about each option.")]
    public void ReasoningElicitationIsFoundInDirectAndIndirectForms(string prompt) =>
        Assert.True(ReasoningElicitation.Detect(prompt));

    [Theory]
    [InlineData("What is the capital of France?")]
    [InlineData("Steps to reproduce: open the app and click save.")]
    [InlineData("The reason I ask is that my cat keeps sneezing.")]
    [InlineData("Write a short poem about autumn leaves.")]
    public void OrdinaryPromptsDoNotElicitReasoning(string prompt) =>
        Assert.False(ReasoningElicitation.Detect(prompt));

    [Fact]
    public void AnElicitingSystemPromptCounts() =>
        Assert.True(ReasoningElicitation.Detect("Is 91 prime?", "Always show your reasoning step by step."));

    [Theory]
    [InlineData("Write a Python function that returns the nth Fibonacci number using recursion.", Capability.Coding)]
    [InlineData("```js\nconst x = () => 1;\n``` why does this return undefined?", Capability.Coding)]
    [InlineData("A train travels 120 miles in 2 hours. What is its average speed? Calculate the answer.", Capability.Math)]
    [InlineData("Solve the equation x^2 - 5x + 6 = 0 and compute the sum of the roots.", Capability.Math)]
    [InlineData("Write a formal cover letter for a marketing job and proofread the draft.", Capability.Writing)]
    [InlineData("hi how are you doing today", Capability.Chat)]
    [InlineData("Classify the sentiment of each record and extract the entity fields into csv columns.", Capability.DataProcessing)]
    [InlineData("Make a plan with milestones and a schedule to move the logistics depot; prioritize the trucks.", Capability.Planning)]
    public void CapabilityClassifierNamesTheObviousCases(string prompt, Capability expected) =>
        Assert.Equal(expected, CapabilityClassifier.Default.Classify(prompt));

    [Fact]
    public void DeclaredToolsMakeAPromptAgentic() =>
        Assert.Equal(Capability.AgenticToolUse, CapabilityClassifier.Default.Classify("fix the failing build", toolsDeclared: 12));

    [Fact]
    public void HugePromptsAreClassifiedFromABoundedWindow()
    {
        var prompt = string.Concat(Enumerable.Repeat("def add(a, b): return a + b\n", 2_000_000));
        Assert.Equal(Capability.Coding, CapabilityClassifier.Default.Classify(prompt));
    }

    [Fact]
    public void PromptsSharingAWrapperShareATemplateKey()
    {
        const string wrapper = "You are a world-class expert. Solve the following task and show every step of your work: ";
        var a = TemplateKeys.Of(wrapper + "How many primes are below 100?");
        var b = TemplateKeys.Of(wrapper + "Write a function that reverses a linked list in place.");
        Assert.Equal(a.Head, b.Head);
        Assert.NotEqual(a.Tail, b.Tail);
    }

    [Fact]
    public void SuffixWrappersShareTheTailKey()
    {
        const string suffix = " Answer with a detailed derivation and explain each step you took to reach it.";
        var a = TemplateKeys.Of("How many primes are below one hundred and twenty?" + suffix);
        var b = TemplateKeys.Of("A farmer has seventeen sheep and all but nine run away; how many are left?" + suffix);
        Assert.Equal(a.Tail, b.Tail);
        Assert.NotEqual(a.Head, b.Head);
    }

    [Fact]
    public void AShortOpeningLineKeysTheHeadWhateverPayloadFollowsIt()
    {
        var a = TemplateKeys.Of("Have a go at this.\n\nA train leaves at noon at sixty miles an hour; when does it arrive?\n\nShow your working.");
        var b = TemplateKeys.Of("Have a go at this.\n\nSort these words alphabetically: pear, apple, fig, plum, kiwi, lime.\n\nShow your working.");
        var c = TemplateKeys.Of("Have a go at this puzzle about trains and their arrival times today please.");
        Assert.Equal(a.Head, b.Head);
        Assert.Equal(a.Tail, b.Tail);
        Assert.NotEqual(a.Head, c.Head);
    }

    [Fact]
    public void ALoneLabelLineIsNotAFrameOnItsOwn()
    {
        var a = TemplateKeys.Of("Question:\nHow many primes are below one hundred and twenty?");
        var b = TemplateKeys.Of("Question:\nWhat is the capital of the country north of Spain, and why?");
        Assert.NotEqual(a.Head, b.Head);
    }
}
