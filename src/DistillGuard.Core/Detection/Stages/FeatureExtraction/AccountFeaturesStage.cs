using DistillGuard.Core.Features;
using DistillGuard.Core.Linking;
using DistillGuard.Core.Model;

namespace DistillGuard.Core.Detection.Stages.FeatureExtraction;

/// <summary>Typed features of each account's state: one account at a time, so the accounts are read in parallel, each result in its account's place.</summary>
internal sealed class AccountFeaturesStage : IDetectionStage
{
    public string Name => "account-features";

    public DetectionState Run(DetectionState state)
    {
        var features = new AccountFeatures[state.States.Count];
        var phrases = new uint[state.States.Count][];
        Parallel.For(0, features.Length, i =>
        {
            features[i] = AccountFeatureExtractor.Extract(state.States[i]);
            phrases[i] = state.States[i].Phrases.Recurring();
        });
        return state with
        {
            Features = features,
            Profiles = BehaviourProfile.Comparable(features),
            Phrases = Enumerable.Range(0, phrases.Length).Where(i => phrases[i].Length > 0).ToDictionary(i => state.States[i].AccountId, i => phrases[i]),
        };
    }
}
