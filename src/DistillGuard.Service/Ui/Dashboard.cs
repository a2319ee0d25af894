using DistillGuard.Core.Enforcement;
using DistillGuard.Core.Model;
using DistillGuard.Core.Scoring;
using DistillGuard.Service.Audit;
using DistillGuard.Service.Decisions;
using DistillGuard.Service.Labels;
using DistillGuard.Service.State;
using DistillGuard.Service.Verdicts;

namespace DistillGuard.Service.Ui;

/// <summary>What the pages read: the service's own verdicts, decisions, manual actions, labels and audit log, and the activity index.</summary>
internal sealed class Dashboard(ServiceRuntime runtime, Decider decider, ManualActions manual, LabelStore labels, DashboardOptions options)
{
    public DashboardOptions Options => options;

    public VerdictSnapshot Snapshot => runtime.Verdicts.Current;

    public ActivityIndex Activity { get; } = new(runtime.Journal, options);

    public ManualActions Manual => manual;

    public LabelStore Labels => labels;

    public AuditLog Audit => runtime.Audit;

    /// <summary>The verdict threshold the label queue ranks by: a label teaches most where the model is least sure.</summary>
    public static double DistillationThreshold => ScoringParameters.Default.DistillationThreshold;

    /// <summary>What the gateway is told for the account now (policy, shadow mode, manual actions).</summary>
    public ActionDecision ActionOf(string account) => decider.For(account).Applied;

    /// <summary>A campaign's status: the strictest action its accounts are under now.</summary>
    public EnforcementAction StatusOf(CampaignSummary campaign) =>
        campaign.Accounts.Select(a => ActionOf(a.Value).Action).DefaultIfEmpty(EnforcementAction.Allow).Max();

    /// <summary>Every audit entry, in order (the pages pick theirs by subject).</summary>
    public IReadOnlyList<AuditEntryView> AuditEntries() => runtime.Audit.Page(0, int.MaxValue);

    public static string CampaignSubject(string id) => "campaign:" + id;
}
