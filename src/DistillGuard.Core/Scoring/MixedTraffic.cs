using System.Globalization;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Scoring;

/// <summary>
/// Whether an account fronts many people (a reseller, an API proxy, a shared gateway): its requests come
/// from many clients. Mixed traffic neither raises nor lowers a score; it changes what a verdict means
/// (the account carries other users' traffic besides the harvest), so every verdict on such an account says so.
/// </summary>
public static class MixedTraffic
{
    /// <summary>
    /// Distinct user agents from which an account counts as mixed: one person has a browser, an app and an
    /// SDK or two, and a version update adds one more; a reseller passes on its customers' clients by the dozen.
    /// </summary>
    public const double MinClients = 8;

    public static bool Is(AccountFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.DistinctClients >= MinClients;
    }

    /// <summary>The sentence a verdict on a mixed account carries.</summary>
    public static string Describe(AccountFeatures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var threads = f.Exchanges * f.FirstTurnShare;
        return string.Create(CultureInfo.InvariantCulture,
            $"mixed traffic: about {f.DistinctClients:0} clients (user agents) in {threads:N0} conversation threads, {f.InterleavedShare:P0} of follow-ups interleaved with other open threads: the account fronts many users (a reseller or proxy), and the verdict is on the account that carries the harvest, not on every user behind it");
    }
}
