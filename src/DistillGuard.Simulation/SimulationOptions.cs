namespace DistillGuard.Simulation;

/// <summary>What to simulate and where to write it; <paramref name="Scenario"/> is one of <see cref="Scenarios.Names"/>.</summary>
/// <param name="Scenario">Scenario name, e.g. <c>tiny</c> or <c>default</c>.</param>
/// <param name="Seed">Seed of every random stream: the same (scenario, seed) gives the same bytes.</param>
/// <param name="OutDir">Folder that receives <c>exchanges.jsonl.gz</c> and <c>labels.csv</c>.</param>
/// <param name="OrganicPromptsPath">JSONL file or folder of organic prompts replacing the procedural ones of organic chat.</param>
/// <param name="ExtractionPromptsPath">JSONL file or folder of extraction prompts replacing the procedural items of campaigns.</param>
public sealed record SimulationOptions(
    string Scenario,
    int Seed,
    string OutDir,
    string? OrganicPromptsPath = null,
    string? ExtractionPromptsPath = null)
{
    /// <summary>
    /// When set, each campaign operator's playbook (its wrapper templates and call shape) comes from
    /// this seed instead of <see cref="Seed"/>: two providers simulated with different seeds and the
    /// same operator seed see the same operators through different accounts, addresses and payloads.
    /// </summary>
    public int? OperatorSeed { get; init; }
}

/// <summary>What a simulation wrote.</summary>
public sealed record SimulationResult(
    string ExchangesPath,
    string LabelsPath,
    long Exchanges,
    int Accounts,
    int CampaignAccounts,
    IReadOnlyList<string> Campaigns);
