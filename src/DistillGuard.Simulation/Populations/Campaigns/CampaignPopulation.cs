using DistillGuard.Simulation.ScenarioSpecs;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>Dispatches each campaign of a scenario to its operator style.</summary>
internal static class CampaignPopulation
{
    public static void Generate(SimContext ctx)
    {
        foreach (CampaignSpec campaign in ctx.Spec.Campaigns)
        {
            switch (campaign.Style)
            {
                case CampaignStyle.Hydra: HydraCampaign.Generate(ctx, campaign); break;
                case CampaignStyle.LowAndSlow: LowAndSlowCampaign.Generate(ctx, campaign); break;
                case CampaignStyle.Agentic: AgenticCampaign.Generate(ctx, campaign); break;
                case CampaignStyle.Paraphrase: ParaphraseCampaign.Generate(ctx, campaign); break;
                case CampaignStyle.CoverTraffic: CoverTrafficCampaign.Generate(ctx, campaign); break;
                case CampaignStyle.ResellerProxy: ResellerProxyCampaign.Generate(ctx, campaign); break;
                case CampaignStyle.Swarm: SwarmCampaign.Generate(ctx, campaign); break;
                case CampaignStyle.AgentHarvest: AgentHarvestCampaign.Generate(ctx, campaign); break;
                default: throw new InvalidOperationException($"No generator for campaign style {campaign.Style}.");
            }
        }
    }
}
