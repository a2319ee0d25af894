using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Detection.Stages.FeatureExtraction;

/// <summary>Typed features of each account's state.</summary>
internal sealed class AccountFeaturesStage : IDetectionStage
{
    public string Name => "account-features";

    public DetectionState Run(DetectionState state)
    {
        AccountFeatures[] features = [.. state.States.Select(AccountFeatureExtractor.Extract)];
        return state with
        {
            Features = features,
            Profiles = BehaviourProfile.Comparable(features),
            Phrases = state.States.Select(s => (s.AccountId, Phrases: s.Phrases.Recurring())).Where(p => p.Phrases.Length > 0).ToDictionary(p => p.AccountId, p => p.Phrases),
        };
    }
}
