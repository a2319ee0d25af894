using System.Globalization;

namespace DistillGuard.Sharing.Stix;

/// <summary>What kind of access network a campaign used, told from counts only (never the addresses).</summary>
internal sealed record InfrastructureShape(string Type, string Description)
{
    /// <summary>Networks and autonomous systems at which spread looks like a residential "hydra" network rather than a proxy service.</summary>
    private const int HydraNetworks = 20;
    private const int HydraAsns = 5;

    /// <summary>From keyed hashes: each distinct value has one distinct hash, so the counts are the same.</summary>
    public static InfrastructureShape Of(Keys.KeyedIndicators hashed)
    {
        var ips = hashed.Of(Keys.IndicatorKind.ClientIp).Count;
        var networks = hashed.Of(Keys.IndicatorKind.Network).Count;
        var asns = hashed.Of(Keys.IndicatorKind.Asn).Count;
        var hydra = networks >= HydraNetworks && asns >= HydraAsns;
        var what = hydra
            ? "Hydra network of residential or compromised hosts"
            : "Proxy or hosting network used to hide the operator";
        return new InfrastructureShape(
            hydra ? "botnet" : "anonymization",
            string.Create(CultureInfo.InvariantCulture, $"{what}: {ips} addresses in {networks} networks across {asns} autonomous systems."));
    }
}
