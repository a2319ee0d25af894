using DistillGuard.Core.Model;
using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations;

/// <summary>Prompt sources of one run: procedural by default, corpora when the options name them.</summary>
internal sealed record PromptSources(IPromptSource OrganicChat, IPromptSource Capability, IPromptSource AgentTasks);

/// <summary>
/// Shared state of one run. Random streams are handed out in a fixed order, so the output
/// depends only on the scenario and the seed.
/// </summary>
internal sealed class SimContext(ScenarioSpec spec, int seed, PromptSources prompts)
{
    private readonly List<SimAccount> accounts = [];
    private ulong streams;
    private int campaigns;

    public ScenarioSpec Spec => spec;

    public PromptSources Prompts => prompts;

    public TrafficSink Sink { get; } = new(spec.Start, spec.End);

    public IReadOnlyList<SimAccount> Accounts => accounts;

    /// <summary>Seed of the operators' playbooks, when shared with another simulated provider.</summary>
    public int? OperatorSeed { get; init; }

    /// <summary>
    /// The stream an operator draws its playbook from: shared across providers when an operator seed
    /// is set (the n-th campaign of the scenario is the same operator), otherwise the operator's own stream.
    /// </summary>
    public Random OperatorStream(Random own) => OperatorSeed is { } shared ? Rng.Derive(shared, 1_000_000UL + (ulong)campaigns) : own;

    /// <summary>
    /// The sign-up schedule of the campaign last named (<see cref="NextCampaignId"/>), from a stream of its own so
    /// that the other streams are drawn as before.
    /// </summary>
    /// <param name="accounts">Accounts the operator signs up.</param>
    /// <param name="spanDays">Days over which it needs them.</param>
    public SignupBatches OperatorSignups(int accounts, double spanDays) =>
        SignupBatches.Draw(Rng.Derive(seed, 3_000_000UL + (ulong)campaigns), accounts, spanDays);

    /// <summary>A fresh, independent random stream.</summary>
    public Random NewStream() => Rng.Derive(seed, ++streams);

    public string NextCampaignId() => "camp-" + (++campaigns).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registers an account; its id and traffic come from a stream of its own.</summary>
    public AccountTraffic NewAccount(AccountDraft draft)
    {
        ulong stream = ++streams;
        Random rng = Rng.Derive(seed, stream);
        var account = new SimAccount(
            Identities.AccountId(rng),
            draft.Kind,
            draft.CampaignId,
            draft.OrganizationId ?? Identities.OrganizationId(rng),
            draft.CreatedAt,
            draft.EmailDomain,
            draft.PaymentFingerprint,
            draft.ApiKeys ?? [Identities.ApiKeyId(rng)],
            draft.Endpoints,
            draft.UserAgents,
            draft.UtcOffsetHours,
            (int)stream);
        accounts.Add(account);
        return new AccountTraffic(account, rng, Sink);
    }
}

/// <summary>The identity a population chose for a new account; ids not given are generated.</summary>
internal sealed record AccountDraft(
    string Kind,
    DateTimeOffset CreatedAt,
    string EmailDomain,
    string? PaymentFingerprint,
    IReadOnlyList<Endpoint> Endpoints,
    IReadOnlyList<string> UserAgents,
    double UtcOffsetHours,
    string? OrganizationId = null,
    string? CampaignId = null,
    IReadOnlyList<string>? ApiKeys = null);
