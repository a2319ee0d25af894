using System.Globalization;
using DistillGuard.Core.Sharing;

namespace DistillGuard.Sharing.Stix;

/// <summary>What kind of access network a campaign used, told from counts only (never the addresses).</summary>
internal sealed record InfrastructureShape(string Type, string Description)
{
    /// <summary>Networks and autonomous systems at which spread looks like a residential "hydra" network rather than a proxy service.</summary>
    private const int HydraNetworks = 20;
    private const int HydraAsns = 5;

    public static InfrastructureShape Of(CampaignIndicators material)
    {
        var ips = material.ClientIps.Distinct(StringComparer.Ordinal).Count();
        var networks = material.Networks.Distinct(StringComparer.Ordinal).Count();
        var asns = material.Asns.Distinct().Count();
        var hydra = networks >= HydraNetworks && asns >= HydraAsns;
        var what = hydra
            ? "Hydra network of residential or compromised hosts"
            : "Proxy or hosting network used to hide the operator";
        return new InfrastructureShape(
            hydra ? "botnet" : "anonymization",
            string.Create(CultureInfo.InvariantCulture, $"{what}: {ips} addresses in {networks} networks across {asns} autonomous systems."));
    }
}
