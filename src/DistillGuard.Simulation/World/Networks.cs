using System.Globalization;
using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.World;

/// <summary>Where a request came from: an address and what a geo/ASN lookup would say about it.</summary>
internal sealed record Endpoint(string Ip, long Asn, string Country);

/// <summary>An autonomous system with the address prefixes (first two octets) the simulation draws from.</summary>
internal sealed record AutonomousSystem(long Asn, string Country, IReadOnlyList<string> Prefixes)
{
    public Endpoint RandomEndpoint(Random rng) => new(RandomIp(rng), Asn, Country);

    public string RandomIp(Random rng) =>
        string.Create(CultureInfo.InvariantCulture, $"{rng.Pick(Prefixes)}.{rng.Next(0, 256)}.{rng.Next(1, 255)}");

    /// <summary>A /24 inside this AS, as its first three octets.</summary>
    public string RandomSubnet(Random rng) =>
        string.Create(CultureInfo.InvariantCulture, $"{rng.Pick(Prefixes)}.{rng.Next(0, 256)}");
}

/// <summary>
/// Address space of the simulated world. The same hosting ASNs serve VPN exits, developers'
/// cloud boxes, enterprise pipelines and campaign proxies, so an ASN alone separates nothing.
/// </summary>
internal static class Networks
{
    public static readonly IReadOnlyList<AutonomousSystem> Residential =
    [
        new(7922, "US", ["73.12", "98.207", "24.60", "67.180"]),
        new(20115, "US", ["71.85", "97.94", "47.32"]),
        new(7018, "US", ["99.110", "107.77", "76.240"]),
        new(701, "US", ["108.28", "71.178", "100.36"]),
        new(22773, "US", ["68.4", "70.174"]),
        new(812, "CA", ["99.232", "174.114"]),
        new(2856, "GB", ["86.150", "81.151", "109.148"]),
        new(5089, "GB", ["82.24", "92.236"]),
        new(3320, "DE", ["79.206", "87.148", "91.54"]),
        new(3209, "DE", ["88.64", "94.134"]),
        new(3215, "FR", ["90.22", "86.238", "92.184"]),
        new(1136, "NL", ["77.248", "83.84"]),
        new(55836, "IN", ["49.36", "157.32", "106.206"]),
        new(9498, "IN", ["122.161", "182.64"]),
        new(4713, "JP", ["153.232", "180.15"]),
        new(2516, "JP", ["106.128", "111.239"]),
        new(4766, "KR", ["175.193", "121.131"]),
        new(26599, "BR", ["177.33", "189.100"]),
        new(8151, "MX", ["187.189", "189.216"]),
        new(1221, "AU", ["101.160", "120.144"]),
        new(29465, "NG", ["102.89", "105.112"]),
        new(45143, "SG", ["116.86", "118.200"]),
    ];

    /// <summary>Cloud and hosting providers (developer boxes, pipelines, proxies, VPN exits).</summary>
    public static readonly IReadOnlyList<AutonomousSystem> Hosting =
    [
        new(16509, "US", ["3.80", "18.204", "34.226", "52.14", "54.162"]),
        new(15169, "US", ["34.27", "35.188", "104.154"]),
        new(8075, "US", ["20.42", "40.76", "52.170"]),
        new(14061, "US", ["138.197", "159.89", "167.99"]),
        new(24940, "DE", ["88.198", "95.216", "116.202"]),
        new(16276, "FR", ["51.68", "54.36", "141.94"]),
        new(63949, "US", ["172.104", "45.79"]),
        new(20473, "US", ["45.76", "149.28", "207.148"]),
        new(31898, "US", ["129.146", "150.136"]),
        new(9009, "GB", ["37.120", "89.238", "185.236"]),
        new(60068, "NL", ["185.107", "89.187", "212.102"]),
        new(16509, "SG", ["13.228", "54.179"]),
    ];

    /// <summary>Hosting ASNs commonly used by consumer VPN exits and residential-proxy resellers.</summary>
    public static readonly IReadOnlyList<AutonomousSystem> VpnAndProxy =
        [.. Hosting.Where(a => a.Asn is 9009 or 60068 or 14061 or 20473 or 16276 or 24940)];

    /// <summary>Major clouds, where developers and enterprises run workloads.</summary>
    public static readonly IReadOnlyList<AutonomousSystem> Cloud =
        [.. Hosting.Where(a => a.Asn is 16509 or 15169 or 8075 or 31898 or 14061 or 24940)];

    public static readonly IReadOnlyList<AutonomousSystem> University =
    [
        new(3, "US", ["18.7", "18.29"]),
        new(32, "US", ["171.64", "171.66"]),
        new(25, "US", ["128.32", "169.229"]),
        new(786, "GB", ["131.111", "129.67"]),
        new(559, "CH", ["129.132", "82.130"]),
        new(680, "DE", ["141.20", "134.96"]),
        new(4538, "CN", ["166.111", "101.6"]),
        new(7575, "AU", ["130.56", "129.78"]),
        new(2200, "FR", ["193.48", "195.83"]),
    ];

    /// <summary>A residential AS in <paramref name="country"/> if one exists, else any.</summary>
    public static AutonomousSystem ResidentialIn(Random rng, string country)
    {
        var local = Residential.Where(a => a.Country == country).ToList();
        return local.Count > 0 ? rng.Pick(local) : rng.Pick(Residential);
    }
}
