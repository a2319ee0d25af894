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

    /// <summary>Active in the same UTC hours over a long period (SynchroTrap/CopyCatch-style lockstep).</summary>
    Lockstep,

    /// <summary>One account's activity ended and the other's began within hours, on shared infrastructure or templates.</summary>
    Succession,

    /// <summary>Created in the same half hour as at least two other candidates (a sign-up script's batch).</summary>
    SignupBurst,
}

/// <summary>Weights and words of the link kinds.</summary>
public static class LinkKinds
{
    /// <summary>
    /// Identity and infrastructure kinds, as opposed to content (templates, system prompts) and
    /// timing (lockstep, succession): only these can carry the identity part of a join.
    /// </summary>
    public static bool IsIdentity(LinkKind kind) =>
        kind is LinkKind.Payment or LinkKind.ClientIp or LinkKind.Network or LinkKind.AsnClient or LinkKind.EmailDomain;

    /// <summary>Width of the creation-time buckets a sign-up burst is read from (aligned to UTC half hours).</summary>
    public static readonly TimeSpan SignupWindow = TimeSpan.FromMinutes(30);

    /// <summary>The value a sign-up burst is keyed by: the half hour an account was created in.</summary>
    public static ulong SignupBucket(long createdTicks) => (ulong)(createdTicks / SignupWindow.Ticks);

    /// <summary>
    /// Whether a kind's value identifies something (a card, an address, a wrapper), so that it is stored only as a keyed
    /// hash; a sign-up burst's value is a half hour, kept as it is so that explain can say when the burst was.
    /// </summary>
    public static bool ValueIsIdentifier(LinkKind kind) => kind != LinkKind.SignupBurst;

    /// <summary>The start of a sign-up bucket (<see cref="SignupBucket"/>), for showing it; null for a value that is no such bucket.</summary>
    public static DateTimeOffset? SignupBucketStart(ulong bucket) =>
        bucket <= (ulong)(DateTimeOffset.MaxValue.UtcTicks / SignupWindow.Ticks)
            ? new DateTimeOffset((long)bucket * SignupWindow.Ticks, TimeSpan.Zero)
            : null;

    /// <summary>
    /// Candidates that must carry a value for it to link them. Two accounts created in the same half hour
    /// may be chance (two researchers who signed up on one afternoon); three or more, with few ordinary
    /// sign-ups beside them, are a batch.
    /// </summary>
    public static int MinCandidates(LinkKind kind) => kind == LinkKind.SignupBurst ? 3 : 2;

    /// <summary>
    /// Whether a value links the candidates that carry it: enough of them (<see cref="MinCandidates"/>), and at least
    /// <paramref name="minPurity"/> of its carriers candidates (a university NAT, a popular VPN exit or a launch-day
    /// wave of ordinary sign-ups fails this).
    /// </summary>
    public static bool Binds(LinkKind kind, int candidates, int carriers, double minPurity) =>
        candidates >= MinCandidates(kind) && candidates >= minPurity * carriers;

    public static string Describe(LinkKind kind) => kind switch
    {
        LinkKind.Payment => "shared payment instrument",
        LinkKind.ClientIp => "shared client IP",
        LinkKind.Network => "shared /24 or /48 network",
        LinkKind.AsnClient => "same ASN with the same client fingerprint",
        LinkKind.EmailDomain => "same sign-up e-mail domain",
        LinkKind.SystemPrompt => "identical system prompt",
        LinkKind.Template => "identical prompt wrapper template",
        LinkKind.Lockstep => "active in the same hours (lockstep)",
        LinkKind.Succession => "took over within hours of the other's last call (succession)",
        LinkKind.SignupBurst => "sign-up in the same half hour (a burst of account creation)",
        _ => kind.ToString(),
    };

    /// <summary>A stable machine name of the kind, as stored (snake_case).</summary>
    public static string Name(LinkKind kind) => kind switch
    {
        LinkKind.Payment => "payment",
        LinkKind.ClientIp => "client_ip",
        LinkKind.Network => "network",
        LinkKind.AsnClient => "asn_client",
        LinkKind.EmailDomain => "email_domain",
        LinkKind.SystemPrompt => "system_prompt",
        LinkKind.Template => "template",
        LinkKind.Lockstep => "lockstep",
        LinkKind.Succession => "succession",
        LinkKind.SignupBurst => "signup_burst",
        _ => kind.ToString(),
    };

    /// <summary>The kind of a stored machine name; null when unknown (a newer build's kind).</summary>
    public static LinkKind? FromName(string name) =>
        Enum.GetValues<LinkKind>().Select(k => (LinkKind?)k).FirstOrDefault(k => string.Equals(Name(k!.Value), name, StringComparison.Ordinal));

    /// <summary>Kinds on which a succession counts: shared infrastructure or wrapper templates.</summary>
    internal static bool CarriesSuccession(LinkKind kind) => kind is LinkKind.ClientIp or LinkKind.Network or LinkKind.AsnClient or LinkKind.Template;

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
