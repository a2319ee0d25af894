namespace DistillGuard.Service.Ui;

/// <summary>The dashboard's addresses; ids are escaped into the query string, so an id can never change the path.</summary>
internal static class UiPaths
{
    public const string Campaigns = "/ui/campaigns";
    public const string LabelQueue = "/ui/labels";
    public const string Audit = "/ui/audit";
    public const string Actions = "/ui/actions";
    public const string Logout = "/ui/logout";
    public const string Stylesheet = "/ui/static/dashboard.css";
    public const string Script = "/ui/static/dashboard.js";

    public const string CampaignPage = "/ui/campaign";
    public const string AccountPage = "/ui/account";

    // Ids travel in the query string, not the path: routing leaves %2F encoded in a path segment, so an id with a '/' could not be found.
    public static string Campaign(string id) => CampaignPage + "?id=" + Uri.EscapeDataString(id);

    public static string Account(string id) => AccountPage + "?id=" + Uri.EscapeDataString(id);

    public static string Login(string? next = null) => "/ui/login" + (next is { Length: > 0 } ? "?next=" + Uri.EscapeDataString(next) : "");

    /// <summary>A local dashboard path to return to after login; anything else (another site, a scheme) goes to the campaigns.</summary>
    public static string SafeReturn(string? next) =>
        next is { Length: > 1 } && next.StartsWith("/ui/", StringComparison.Ordinal) && !next.StartsWith("//", StringComparison.Ordinal) && !next.Contains('\\', StringComparison.Ordinal)
            ? next
            : Campaigns;
}
