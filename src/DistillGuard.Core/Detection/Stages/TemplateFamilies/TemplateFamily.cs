using DistillGuard.Core.Model;

namespace DistillGuard.Core.Detection.Stages.TemplateFamilies;

/// <summary>
/// Harvest-like accounts that open their tasks in the same rare frames (joined when any two share one), with how
/// they were born: the evidence a family carries into linking.
/// </summary>
/// <param name="Accounts">The family's accounts, ascending.</param>
/// <param name="Frames">Rare frames the family shares.</param>
/// <param name="OrdinaryCarriers">Ordinary accounts that carry any of those frames.</param>
/// <param name="InWave">Accounts created within one sign-up wave (<see cref="TemplateFamilyOptions.SignupWave"/>).</param>
/// <param name="WaveStart">When the densest wave began; null when no account's creation time is known.</param>
public sealed record TemplateFamily(IReadOnlyList<AccountId> Accounts, int Frames, int OrdinaryCarriers, int InWave, DateTimeOffset? WaveStart);
