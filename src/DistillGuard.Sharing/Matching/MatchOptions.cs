using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Matching;

/// <summary>
/// Intake limits and evidence weights of <see cref="StixMatcher"/>. A score is the noisy-OR
/// 1 − Π(1 − wᵢ) of the weights of the indicator kinds that matched, so it stays in [0, 1] and never
/// falls when more evidence matches. The defaults make any payment or IP hash, or a strong template
/// match, enough on its own, while network, ASN, user agent and e-mail domain together (0.39) are not.
/// </summary>
public sealed record MatchOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static MatchOptions Default { get; } = new();

    /// <summary>Accounts at or above this score are reported. Default 0.5.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Larger bundles are refused before parsing. Default 16 MiB (UTF-8 bytes).</summary>
    public long MaxBundleBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>The most restrictive TLP marking this pipeline may process. Default TLP:AMBER+STRICT (TLP:RED is for named people, not pipelines).</summary>
    public Tlp MaxTlp { get; init; } = Tlp.AmberStrict;

    /// <summary>Same payment fingerprint: near-certain. Default 0.9.</summary>
    public double PaymentWeight { get; init; } = 0.9;

    /// <summary>Same client address. Default 0.8.</summary>
    public double ClientIpWeight { get; init; } = 0.8;

    /// <summary>Same network (shared by many customers of an ISP or cloud). Default 0.25.</summary>
    public double NetworkWeight { get; init; } = 0.25;

    /// <summary>Same autonomous system. Default 0.05.</summary>
    public double AsnWeight { get; init; } = 0.05;

    /// <summary>Same user agent string. Default 0.1.</summary>
    public double UserAgentWeight { get; init; } = 0.1;

    /// <summary>Same e-mail domain (often a public mail service). Default 0.05.</summary>
    public double EmailDomainWeight { get; init; } = 0.05;

    /// <summary>Weight of a full template match. Default 0.9.</summary>
    public double TemplateWeight { get; init; } = 0.9;

    /// <summary>
    /// The fraction of LSH bands matched that counts as a full template match; less scales linearly. The
    /// fraction estimates the Jaccard similarity of the account's wrapper shingles and the campaign's.
    /// Default 0.25.
    /// </summary>
    public double TemplateFullFraction { get; init; } = 0.25;

    /// <summary>
    /// Weight of a frame match: the account keeps opening its tasks in a frame that a peer's campaign's accounts
    /// shared and none of the peer's ordinary accounts used (an operator keeps its frames from one provider to the
    /// next, not its cards or addresses). Default 0.9.
    /// </summary>
    public double FrameWeight { get; init; } = 0.9;

    /// <summary>
    /// Weight of a wording match: the account keeps repeating <see cref="MinSharedPhrases"/> of the phrases a peer's
    /// campaign's accounts repeat and none of the peer's ordinary accounts repeats (a paraphrased wrapper keeps some of
    /// its wording). Fewer scale linearly. Default 0.9.
    /// </summary>
    public double PhraseWeight { get; init; } = 0.9;

    /// <summary>Shared phrases for a full wording match: three, as phrase pull-in needs (<c>PhrasePullInOptions.MinShared</c>). Default 3.</summary>
    public int MinSharedPhrases { get; init; } = 3;

    /// <summary>Fewer matched bands than this count as no template evidence: 6 of 64 is a Jaccard similarity under about 0.09, what a few chance shingles give. Default 6.</summary>
    public int MinTemplateBands { get; init; } = 6;
}
