using DistillGuard.Core.Features;

namespace DistillGuard.Core.Linking;

/// <summary>What kind of shared attribute joins two accounts, with its weight and wording.</summary>
public enum LinkKind
{
    Payment,
    ClientIp,
    Network,
    AsnClient,
    EmailDomain,
    SystemPrompt,
    Template,
    TemplateSimilarity,
}

/// <summary>Weights and words of the link kinds.</summary>
public static class LinkKinds
{
    /// <summary>Strength one shared value of this kind adds to a pair of accounts.</summary>
    public static double Weight(LinkKind kind) => kind switch
    {
        LinkKind.Payment => 1.2,
        LinkKind.ClientIp => 0.8,
        LinkKind.Network => 0.5,
        LinkKind.AsnClient => 0.3,
        LinkKind.EmailDomain => 0.2,
        LinkKind.SystemPrompt => 0.8,
        LinkKind.Template => 0.7,
        LinkKind.TemplateSimilarity => 0.1,
        _ => 0,
    };

    public static string Describe(LinkKind kind) => kind switch
    {
        LinkKind.Payment => "shared payment instrument",
        LinkKind.ClientIp => "shared client IP",
        LinkKind.Network => "shared /24 or /48 network",
        LinkKind.AsnClient => "same ASN with the same client fingerprint",
        LinkKind.EmailDomain => "same sign-up e-mail domain",
        LinkKind.SystemPrompt => "identical system prompt",
        LinkKind.Template => "identical prompt wrapper template",
        LinkKind.TemplateSimilarity => "similar prompt wrapper templates (MinHash)",
        _ => kind.ToString(),
    };

    internal static LinkKind? FromAttribute(AttributeKind kind) => kind switch
    {
        AttributeKind.Payment => LinkKind.Payment,
        AttributeKind.ClientIp => LinkKind.ClientIp,
        AttributeKind.Network => LinkKind.Network,
        AttributeKind.AsnClient => LinkKind.AsnClient,
        AttributeKind.EmailDomain => LinkKind.EmailDomain,
        AttributeKind.SystemPrompt => LinkKind.SystemPrompt,
        AttributeKind.TemplateHead or AttributeKind.TemplateTail => LinkKind.Template,
        _ => null,
    };
}
