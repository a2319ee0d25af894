using System.Globalization;
using DistillGuard.Simulation.Prompts;
using DistillGuard.Simulation.Randomness;
using DistillGuard.Simulation.ScenarioSpecs;
using DistillGuard.Simulation.Traffic;
using DistillGuard.Simulation.World;

namespace DistillGuard.Simulation.Populations;

/// <summary>
/// Enterprise batch jobs (<c>pipeline</c>): one fixed template with a variable record, at regular
/// intervals round the clock, temperature 0, short outputs. Several accounts of one organisation
/// share its id, payment and egress addresses: an organisation, not a campaign.
/// </summary>
internal static class PipelinePopulation
{
    public const string Kind = "pipeline";

    private static readonly string[] Templates =
    [
        "Classify the following support ticket into exactly one of: billing, technical, account, shipping, other. Respond with the label only.\n\nTicket: {0}",
        "Extract a JSON object with the fields id, amount, date, location from the text below. Output JSON only.\n\n{0}",
        "Summarise the following record in one sentence for an operations dashboard.\n\n{0}",
        "Translate the following customer message to German. Output only the translation.\n\n{0}",
        "Is the following transaction suspicious? Answer \"yes\" or \"no\" and one short reason.\n\n{0}",
        "Rate the sentiment of this text from 1 (very negative) to 5 (very positive). Reply with the number.\n\n{0}",
        "Rewrite this listing title to be under 60 characters, keeping the key facts.\n\n{0}",
        "Does this record contain personal data? Reply PII or CLEAN.\n\n{0}",
    ];

    public static void Generate(SimContext ctx)
    {
        PipelineSpec spec = ctx.Spec.Pipelines;
        Random rng = ctx.NewStream();
        for (int o = 0; o < spec.Organisations; o++)
        {
            AutonomousSystem cloud = rng.Pick(Networks.Cloud);
            string subnet = cloud.RandomSubnet(rng);
            Endpoint[] egress = [.. Enumerable.Range(0, rng.Next(1, 4)).Select(_ => new Endpoint(
                subnet + "." + rng.Next(2, 254).ToString(CultureInfo.InvariantCulture), cloud.Asn, cloud.Country))];
            string org = Identities.OrganizationId(rng), payment = Identities.PaymentFingerprint(rng), domain = Identities.CompanyDomain(rng);
            string ua = UserAgents.Sdk(rng);
            DateTimeOffset orgCreated = Identities.CreatedBefore(rng, ctx.Spec.Start, 30, 900);
            int accounts = rng.Next(1, spec.MaxAccountsPerOrganisation + 1);
            for (int a = 0; a < accounts; a++)
            {
                // Drawn for bulk organisations too, so the streams after it stay as they were.
                DateTimeOffset created = a == 0 ? orgCreated : orgCreated.AddDays(rng.Uniform(0, (ctx.Spec.Start - orgCreated).TotalDays));
                if (Identities.ProvisionsInBulk(org))
                {
                    created = Identities.BulkSeat(orgCreated, a);
                }

                var draft = new AccountDraft(Kind, created, domain, payment, egress, [ua], 0, OrganizationId: org);
                Emit(ctx.NewAccount(draft), ctx, spec);
            }
        }
    }

    private static void Emit(AccountTraffic traffic, SimContext ctx, PipelineSpec spec)
    {
        Random rng = traffic.Rng;
        string template = rng.Pick(Templates);
        var shape = new CallShape(
            Model: rng.Pick(Models.All),
            SystemPrompt: rng.Chance(0.5) ? "You are a precise data-processing service. Follow the output format exactly." : null,
            OutputMedian: rng.LogNormal(45, 0.5),
            OutputSigma: 0.5,
            MaxTokens: rng.Pick(new long?[] { 64, 128, 256, 512, 1024 }),
            Temperature: 0,
            ThinkingShare: 0,
            ReasoningMedian: 0,
            ToolsDeclared: null,
            ToolCallShare: 0,
            SendsConversation: rng.Chance(0.3),
            ErrorRate: 0.008);
        double interval = rng.LogNormal(spec.MedianIntervalMinutes, 0.6);
        bool businessHours = rng.Chance(0.25);
        double batch = rng.Uniform(0, 2);
        DateTimeOffset t = ctx.Spec.Start.AddMinutes(rng.Uniform(0, interval));
        while (t < ctx.Spec.End)
        {
            bool open = !businessHours || Rhythm.Work.Weight(t, -5) > 0.5;
            if (open)
            {
                DateTimeOffset at = t;
                for (int i = rng.Poisson(batch) + 1; i > 0; i--)
                {
                    string record = string.Join(" ", Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Grammar.Record(rng)));
                    at = traffic.Call(at, template.Replace("{0}", record, StringComparison.Ordinal), shape).Finished.AddMilliseconds(rng.Next(20, 800));
                }
            }

            t = t.AddMinutes(interval * rng.Uniform(0.97, 1.03));
        }
    }
}
