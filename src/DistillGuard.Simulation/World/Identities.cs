using DistillGuard.Core.Model;
using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.World;

/// <summary>Identifier and sign-up attribute factories shared by every population.</summary>
internal static class Identities
{
    private static readonly string[] ConsumerDomains =
    [
        "gmail.com", "gmail.com", "gmail.com", "gmail.com", "outlook.com", "hotmail.com", "yahoo.com",
        "icloud.com", "proton.me", "protonmail.com", "gmx.de", "web.de", "orange.fr", "yandex.ru",
        "qq.com", "163.com", "naver.com", "yahoo.co.jp", "mail.ru", "live.com", "tutanota.com", "fastmail.com",
    ];

    private static readonly string[] CompanyStems =
    [
        "acme", "northwind", "contoso", "fabrikam", "globex", "initech", "umbrella", "stark", "wayne", "tyrell",
        "cyberdyne", "hooli", "piedpiper", "vandelay", "wonka", "soylent", "aperture", "blueshift", "lumen",
        "quanta", "nimbus", "vertex", "helix", "orbit", "cobalt", "saffron", "juniper", "kestrel", "meridian",
    ];

    private static readonly string[] CompanySuffixes = ["labs", "ai", "data", "tech", "health", "pay", "cloud", "io", "analytics", "systems"];

    private static readonly string[] CompanyTlds = [".com", ".io", ".ai", ".co", ".de", ".co.uk", ".dev"];

    public static AccountId AccountId(Random rng) => new("acct_" + rng.Hex(20));

    public static string OrganizationId(Random rng) => "org_" + rng.Hex(20);

    public static string ApiKeyId(Random rng) => "key_" + rng.Hex(16);

    public static string PaymentFingerprint(Random rng) => "pf_" + rng.Hex(24);

    public static string ConsumerDomain(Random rng) => rng.Pick(ConsumerDomains);

    public static string CompanyDomain(Random rng) =>
        rng.Pick(CompanyStems) + (rng.Chance(0.6) ? "-" + rng.Pick(CompanySuffixes) : string.Empty) + rng.Pick(CompanyTlds);

    public static string UniversityDomain(Random rng, string country) => country switch
    {
        "GB" => rng.Pick(["cam.ac.uk", "ox.ac.uk", "ucl.ac.uk", "ed.ac.uk"]),
        "DE" => rng.Pick(["tum.de", "uni-heidelberg.de", "kit.edu"]),
        "CH" => rng.Pick(["ethz.ch", "epfl.ch"]),
        "CN" => rng.Pick(["tsinghua.edu.cn", "pku.edu.cn"]),
        "AU" => rng.Pick(["anu.edu.au", "unimelb.edu.au"]),
        "FR" => rng.Pick(["ens.fr", "polytechnique.edu"]),
        _ => rng.Pick(["mit.edu", "stanford.edu", "berkeley.edu", "cmu.edu", "umich.edu", "utexas.edu"]),
    };

    /// <summary>
    /// Whether an organisation's administrator created its accounts together (a team onboarded in one sitting)
    /// rather than one at a time as people joined: a third of organisations, fixed by the id so no stream moves.
    /// </summary>
    public static bool ProvisionsInBulk(string organizationId) => DistillGuard.Core.Sketches.StableHash.Of(organizationId) % 3 == 0;

    /// <summary>The creation time of the <paramref name="seat"/>-th account an administrator adds in one sitting.</summary>
    public static DateTimeOffset BulkSeat(DateTimeOffset first, int seat) => first.AddSeconds(40 * seat);

    /// <summary>A plausible creation time: <paramref name="minDays"/>–<paramref name="maxDays"/> days before <paramref name="reference"/>.</summary>
    public static DateTimeOffset CreatedBefore(Random rng, DateTimeOffset reference, double minDays, double maxDays) =>
        reference.AddDays(-rng.Uniform(minDays, maxDays)).AddMilliseconds(-rng.Next(0, 1000));

    /// <summary>Integer UTC offset (and its country) for a residential user somewhere in the world.</summary>
    public static (double Offset, string Country) HomeZone(Random rng)
    {
        (double, string)[] zones =
        [
            (-5, "US"), (-5, "US"), (-6, "US"), (-7, "US"), (-8, "US"), (-8, "US"), (-5, "CA"),
            (0, "GB"), (0, "GB"), (1, "DE"), (1, "DE"), (1, "FR"), (1, "NL"), (5.5, "IN"), (5.5, "IN"),
            (9, "JP"), (9, "KR"), (-3, "BR"), (-6, "MX"), (10, "AU"), (1, "NG"), (8, "SG"),
        ];
        return rng.Pick(zones);
    }
}
