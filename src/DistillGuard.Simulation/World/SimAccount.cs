using DistillGuard.Core.Model;

namespace DistillGuard.Simulation.World;

/// <summary>
/// One simulated account: its identity (what the log shows about it) and its ground truth.
/// Organic and campaign accounts are built from the same factories, so ids look alike.
/// </summary>
internal sealed record SimAccount(
    AccountId Id,
    string Kind,
    string? CampaignId,
    string OrganizationId,
    DateTimeOffset CreatedAt,
    string EmailDomain,
    string? PaymentFingerprint,
    IReadOnlyList<string> ApiKeys,
    IReadOnlyList<Endpoint> Endpoints,
    IReadOnlyList<string> UserAgents,
    double UtcOffsetHours,
    int Seed)
{
    public bool IsCampaign => CampaignId is not null;
}
