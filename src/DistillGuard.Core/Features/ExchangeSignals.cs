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
    ulong SystemPromptHash)
{
    public static ExchangeSignals Of(Exchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var system = string.IsNullOrEmpty(exchange.SystemPrompt) ? default : SystemPromptSignals.Of(exchange.SystemPrompt);
        return new ExchangeSignals(
            CapabilityClassifier.Default.Classify(exchange.Prompt, exchange.ToolsDeclared ?? 0),
            ReasoningElicitation.Detect(exchange.Prompt) || system.Elicits,
            StableHash.Of(exchange.Prompt),
            TemplateKeys.Of(exchange.Prompt),
            system.Hash);
    }
}
