namespace DistillGuard.Core.Features;

/// <summary>The per-account attributes kept as small heavy-hitter lists (segments of one sketch).</summary>
public enum AttributeKind
{
    TemplateHead = 0,
    TemplateTail,
    Payment,
    ClientIp,
    Network,
    AsnClient,
    EmailDomain,
    SystemPrompt,
    Model,
}

/// <summary>Segment capacities for <see cref="AttributeKind"/>.</summary>
public static class AttributeCapacity
{
    public static ReadOnlySpan<int> All => [3, 3, 2, 2, 2, 2, 1, 1, 1];
}
