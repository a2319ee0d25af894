namespace DistillGuard.Core.Quantification;

/// <summary>
/// List prices per million tokens used to estimate what a campaign's harvest would have cost at
/// retail. The defaults are illustrative, not any provider's price list; set them per run.
/// </summary>
public sealed record ApiPrices(double InputPerMillion = 3.0, double OutputPerMillion = 15.0, double ReasoningPerMillion = 15.0)
{
    public static ApiPrices Default { get; } = new();

    public double Value(long inputTokens, long outputTokens, long reasoningTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion) + (reasoningTokens * ReasoningPerMillion)) / 1_000_000.0;
}
