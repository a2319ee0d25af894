namespace DistillGuard.Service.Ui;

/// <summary>How the dashboard behaves; every number that shapes a page has a name here.</summary>
public sealed record DashboardOptions
{
    public static DashboardOptions Default { get; } = new();

    /// <summary>How long a login lasts (a working day: an analyst logs in once per shift).</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Accounts the label queue offers at once (a sitting's worth; the next ones follow as these are labelled).</summary>
    public int LabelQueueSize { get; init; } = 50;

    /// <summary>Edges of a campaign's graph drawn and listed: the strongest, enough to see its shape on one screen.</summary>
    public int CampaignGraphEdges { get; init; } = 40;

    /// <summary>Audit entries a page shows.</summary>
    public int AuditPageSize { get; init; } = 100;

    /// <summary>Audit entries shown on a campaign's or an account's page (the latest).</summary>
    public int RecentAuditEntries { get; init; } = 30;

    /// <summary>Characters of a prompt kept per account for the account page (a glimpse, not the record).</summary>
    public int PromptGlimpseLength { get; init; } = 300;

    /// <summary>Recent prompts kept per account.</summary>
    public int PromptsPerAccount { get; init; } = 3;

    /// <summary>Distinct user agents counted per account; more are counted under the ones already kept.</summary>
    public int UserAgentsPerAccount { get; init; } = 10;

    /// <summary>Default expiry offered for a manual action, in hours (a week: long enough to review, short enough to lapse).</summary>
    public int DefaultActionHours { get; init; } = 168;

    public void Validate()
    {
        if (SessionLifetime <= TimeSpan.Zero || LabelQueueSize < 1 || CampaignGraphEdges < 1 || AuditPageSize < 1 || RecentAuditEntries < 1
            || PromptGlimpseLength < 1 || PromptsPerAccount < 0 || UserAgentsPerAccount < 1 || DefaultActionHours < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DashboardOptions), "dashboard options must be positive");
        }
    }
}
