using DistillGuard.Core.Model;
using DistillGuard.Simulation.Output;
using DistillGuard.Simulation.Populations;
using DistillGuard.Simulation.Populations.Campaigns;
using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation;

/// <summary>Simulates an LLM API's exchange log with organic users and distillation campaigns, plus ground-truth labels.</summary>
public static class Simulator
{
    public const string ExchangesFileName = "exchanges.jsonl.gz";
    public const string LabelsFileName = "labels.csv";

    /// <summary>
    /// Writes <c>exchanges.jsonl.gz</c> and <c>labels.csv</c> into <see cref="SimulationOptions.OutDir"/>.
    /// Output depends only on the scenario, the seed and the corpora: the same inputs give the same bytes.
    /// </summary>
    /// <exception cref="ArgumentException">The scenario name is unknown.</exception>
    public static SimulationResult Run(SimulationOptions options, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ScenarioSpec spec = ScenarioCatalog.Get(options.Scenario);
        var ctx = new SimContext(spec, options.Seed, LoadPrompts(options, spec.PastedContext)) { OperatorSeed = options.OperatorSeed };

        Action<SimContext>[] populations =
        [
            CasualPopulation.Generate,
            CoderPopulation.Generate,
            PipelinePopulation.Generate,
            ResearcherPopulation.Generate,
            CampaignPopulation.Generate,

            // Last, and drawing no stream when a scenario has none, so earlier scenarios keep their bytes.
            ResellerPopulation.Generate,
        ];
        for (int i = 0; i < populations.Length; i++)
        {
            ct.ThrowIfCancellationRequested();
            populations[i](ctx);
            progress?.Report(0.5 * (i + 1) / populations.Length);
        }

        List<Exchange> exchanges = ctx.Sink.Sorted();
        var active = new HashSet<AccountId>(exchanges.Select(e => e.AccountId));
        SimAccount[] accounts = [.. ctx.Accounts.Where(a => active.Contains(a.Id))];

        Directory.CreateDirectory(options.OutDir);
        string exchangesPath = Path.Combine(options.OutDir, ExchangesFileName);
        string labelsPath = Path.Combine(options.OutDir, LabelsFileName);
        var writeProgress = progress is null ? null : new Progress<double>(p => progress.Report(0.5 + (0.5 * p)));
        ExchangeJsonlWriter.Write(exchangesPath, exchanges, writeProgress, ct);
        LabelsCsvWriter.Write(labelsPath, accounts);
        progress?.Report(1.0);

        string[] campaigns = [.. accounts.Where(a => a.IsCampaign).Select(a => a.CampaignId!).Distinct().Order(StringComparer.Ordinal)];
        return new SimulationResult(exchangesPath, labelsPath, exchanges.Count, accounts.Length, accounts.Count(a => a.IsCampaign), campaigns);
    }

    private static PromptSources LoadPrompts(SimulationOptions options, PastedContextSpec? pasted)
    {
        IPromptSource organic = options.OrganicPromptsPath is { } o ? CorpusPrompts.Load(o) : new OrganicChatPrompts();
        IPromptSource capability = new CapabilityPrompts(), agentTasks = new AgentTaskPrompts();
        if (options.ExtractionPromptsPath is { } x)
        {
            capability = agentTasks = CorpusPrompts.Load(x);
        }

        return pasted is null
            ? new PromptSources(organic, capability, agentTasks)
            : new PromptSources(new PastedContext(organic, pasted), new PastedContext(capability, pasted), new PastedContext(agentTasks, pasted));
    }
}
