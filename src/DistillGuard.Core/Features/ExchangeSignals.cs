using DistillGuard.Core.Content;
using DistillGuard.Core.Model;
using DistillGuard.Core.Similarity;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Features;

/// <summary>Content signals computed once per exchange; pure and independent of other exchanges.</summary>
public readonly record struct ExchangeSignals(
    Capability Capability,
    bool ElicitsReasoning,
    ulong PromptHash,
    TemplateKeys Template,
    ulong SystemPromptHash,
    SkeletonSample Skeleton)
{
    public static ExchangeSignals Of(Exchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        return new ExchangeSignals(
            CapabilityClassifier.Default.Classify(exchange.Prompt, exchange.ToolsDeclared ?? 0),
            ReasoningElicitation.Detect(exchange.Prompt, exchange.SystemPrompt),
            StableHash.Of(exchange.Prompt),
            TemplateKeys.Of(exchange.Prompt),
            string.IsNullOrEmpty(exchange.SystemPrompt) ? 0 : StableHash.Of(exchange.SystemPrompt),
            SkeletonSample.Of(exchange.Prompt));
    }
}

/// <summary>The <see cref="SkeletonWords"/> sample of one prompt, inline (0 = no word).</summary>
public readonly record struct SkeletonSample(ulong A, ulong B)
{
    public static SkeletonSample Of(string prompt)
    {
        Span<ulong> words = stackalloc ulong[SkeletonWords.Count];
        SkeletonWords.Sample(prompt, words);
        return new SkeletonSample(words[0], words[1]);
    }
}
