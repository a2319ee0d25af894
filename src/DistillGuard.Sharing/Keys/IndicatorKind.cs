namespace DistillGuard.Sharing.Keys;

/// <summary>The kinds of indicator material that are shared as keyed hashes.</summary>
public enum IndicatorKind
{
    Payment = 0,
    ClientIp,
    Network,
    Asn,
    UserAgent,
    EmailDomain,
    Template,

    /// <summary>A frame an account keeps opening its tasks in (an opening or closing line, a system prompt), as the template families read it.</summary>
    Frame,

    /// <summary>A sampled three-word phrase an account keeps repeating in the openings of its tasks (its paraphrased wrapper's wording).</summary>
    Phrase,
}

/// <summary>Contract names and hash domains of <see cref="IndicatorKind"/>.</summary>
public static class IndicatorKinds
{
    public static IReadOnlyList<IndicatorKind> All { get; } = Enum.GetValues<IndicatorKind>();

    /// <summary>The name used in bundles, CSV files and evidence.</summary>
    public static string ToContract(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Payment => "payment",
        IndicatorKind.ClientIp => "ip",
        IndicatorKind.Network => "network",
        IndicatorKind.Asn => "asn",
        IndicatorKind.UserAgent => "user_agent",
        IndicatorKind.EmailDomain => "email_domain",
        IndicatorKind.Frame => "frame",
        IndicatorKind.Phrase => "phrase",
        _ => "template",
    };

    public static IndicatorKind? FromContract(string? name) =>
        All.Where(k => string.Equals(k.ToContract(), name, StringComparison.Ordinal)).Select(k => (IndicatorKind?)k).FirstOrDefault();

    /// <summary>
    /// The domain-separation prefix hashed in front of a value, so that the same string under two kinds
    /// (an IP that is also a network) never gives the same hash.
    /// </summary>
    public static string HashDomain(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Payment => "pay:",
        IndicatorKind.ClientIp => "ip:",
        IndicatorKind.Network => "net:",
        IndicatorKind.Asn => "asn:",
        IndicatorKind.UserAgent => "ua:",
        IndicatorKind.EmailDomain => "email:",
        IndicatorKind.Frame => "frm:",
        IndicatorKind.Phrase => "phr:",
        _ => "tpl:",
    };
}
