using System.Text.Json;
using DistillGuard.Core.Model;
using DistillGuard.Core.Sharing;
using DistillGuard.Sharing.Stix;

namespace DistillGuard.Sharing.Tests;

/// <summary>Ready-made bundles and ways to look inside them.</summary>
internal static class Bundles
{
    /// <summary>Three campaigns; the first two share a payment fingerprint (one operator), the third stands alone.</summary>
    public static List<(CampaignSummary Summary, CampaignIndicators Indicators)> ThreeCampaigns(int seed = 7)
    {
        var r = new Random(seed);
        var one = Some.Campaign(r, "campaign-001");
        var two = Some.Campaign(r, "campaign-002");
        two = (two.Summary, two.Indicators with { PaymentFingerprints = [.. two.Indicators.PaymentFingerprints, one.Indicators.PaymentFingerprints[0]] });
        var three = Some.Campaign(r, "campaign-003");
        three = (three.Summary, three.Indicators with { TemplateSamples = ["Summarise this support ticket in two sentences for the on call engineer."] });
        return [one, two, three];
    }

    public static List<JsonElement> Objects(string bundle) =>
        JsonDocument.Parse(bundle).RootElement.GetProperty("objects").EnumerateArray().ToList();

    public static List<JsonElement> OfType(string bundle, string type) =>
        Objects(bundle).Where(o => o.GetProperty("type").GetString() == type).ToList();

    public static string Export(IReadOnlyList<(CampaignSummary, CampaignIndicators)> campaigns, Tlp tlp = Tlp.Amber, int keySeed = 1) =>
        StixExporter.Export(Some.ProviderA, campaigns, Some.Key(keySeed), tlp);
}
