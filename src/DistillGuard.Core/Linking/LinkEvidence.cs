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
}

/// <summary>Weights and words of the link kinds.</summary>
public static class LinkKinds
{
    /// <summary>Strength one shared value of this kind adds to a pair of accounts.</summary>
    public static double Weight(LinkKind kind) => kind switch
    {
        LinkKind.Payment => 1.0,
        LinkKind.ClientIp => 0.6,
        LinkKind.Network => 0.4,
        LinkKind.AsnClient => 0.3,
        LinkKind.EmailDomain => 0.15,
        LinkKind.SystemPrompt => 0.4,
        LinkKind.Template => 0.5,
        _ => 0,
    };

    /// <summary>Identity and infrastructure kinds, as opposed to content (templates, system prompts).</summary>
    public static bool IsIdentity(LinkKind kind) => kind is LinkKind.Payment or LinkKind.ClientIp or LinkKind.Network or LinkKind.AsnClient or LinkKind.EmailDomain;

    public static string Describe(LinkKind kind) => kind switch
    {
        LinkKind.Payment => "shared payment instrument",
        LinkKind.ClientIp => "shared client IP",
        LinkKind.Network => "shared /24 or /48 network",
        LinkKind.AsnClient => "same ASN with the same client fingerprint",
        LinkKind.EmailDomain => "same sign-up e-mail domain",
        LinkKind.SystemPrompt => "identical system prompt",
        LinkKind.Template => "identical prompt wrapper template",
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
