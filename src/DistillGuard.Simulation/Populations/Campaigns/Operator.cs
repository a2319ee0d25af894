using System.Globalization;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>
/// Infrastructure one operator reuses across its accounts: a few payment instruments, proxy
/// subnets, e-mail domains and a sign-up script that registers accounts in batches.
/// Campaign ids (<c>camp-n</c>) appear only in the labels.
/// </summary>
internal sealed class Operator
{
    private readonly IReadOnlyList<string> payments;
    private readonly IReadOnlyList<(AutonomousSystem As, string Subnet)> subnets;
    private readonly IReadOnlyList<string> domains;

    /// <param name="signups">When the operator's sign-up script runs (<see cref="SignupBatches"/>), from a stream of its own.</param>
    public Operator(Random rng, string campaignId, IReadOnlyList<AutonomousSystem> networks, int paymentCount, int subnetCount, SignupBatches signups)
    {
        CampaignId = campaignId;
        Signups = signups;
        payments = [.. Enumerable.Range(0, paymentCount).Select(_ => Identities.PaymentFingerprint(rng))];
        subnets = [.. Enumerable.Range(0, subnetCount).Select(_ =>
        {
            AutonomousSystem asn = rng.Pick(networks);
            return (asn, asn.RandomSubnet(rng));
        })];
        domains = [Identities.ConsumerDomain(rng), Identities.ConsumerDomain(rng), "gmail.com", "outlook.com", "proton.me"];
    }

    public string CampaignId { get; }

    public SignupBatches Signups { get; }

    /// <summary>One of the shared instruments for most accounts; some pay with a card of their own or not at all.</summary>
    public string? Payment(Random rng, double sharedShare) => rng.NextDouble() switch
    {
        var x when x < sharedShare => rng.Pick(payments),
        var x when x < sharedShare + ((1 - sharedShare) / 2) => Identities.PaymentFingerprint(rng),
        _ => null,
    };

    public string EmailDomain(Random rng) => rng.Pick(domains);

    /// <summary>Proxy addresses from the operator's subnets.</summary>
    public Endpoint[] ProxyEndpoints(Random rng, int count) => [.. Enumerable.Range(0, count).Select(_ =>
    {
        (AutonomousSystem asn, string subnet) = rng.Pick(subnets);
        return new Endpoint(subnet + "." + rng.Next(2, 254).ToString(CultureInfo.InvariantCulture), asn.Asn, asn.Country);
    })];
}
