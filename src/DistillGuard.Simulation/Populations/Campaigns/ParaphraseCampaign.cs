using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.ScenarioSpecs;

namespace DistillGuard.Simulation.Populations.Campaigns;

/// <summary>
/// A hydra operator that has every wrapper rewritten in each request: the public chain-of-thought
/// templates it uses and its own house style are paraphrased anew and framed with a varying opener and
/// sign-off, so a prompt's first and last words rarely repeat within an account or across the campaign.
/// Only the intent of the wrappers (show the reasoning) and the infrastructure stay the same.
/// </summary>
internal static class ParaphraseCampaign
{
    public const string Kind = "paraphrase";

    public static void Generate(SimContext ctx, CampaignSpec spec) => HydraCampaign.Run(ctx, spec, Kind, Kit, withCover: false);

    private static IWrapper[] Kit(Random playbook, Random local)
    {
        _ = local;
        return
        [
            .. ParaphrasedTemplate.Templates.OrderBy(_ => playbook.Next()).Take(playbook.Next(1, 3)).Select(t => new Framed(new ParaphrasedTemplate(t))),
            .. Enumerable.Range(0, playbook.Next(1, 3)).Select(_ => HouseStyle.Draw(playbook)).ToArray().Select(h => new Framed(h.Paraphrasing())),
        ];
    }
}
