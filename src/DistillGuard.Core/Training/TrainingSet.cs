using DistillGuard.Core.Model;

namespace DistillGuard.Core.Training;

/// <summary>One labelled account: its features and whether it belongs to a harvesting campaign.</summary>
public sealed record LabelledAccount(AccountFeatures Features, bool IsHarvester);

/// <summary>The labelled accounts a model is fitted on, and how many accounts of the input carried no label.</summary>
public sealed record TrainingSet(IReadOnlyList<LabelledAccount> Accounts, int UnlabelledAccounts)
{
    public int Positives => Accounts.Count(a => a.IsHarvester);

    public int Negatives => Accounts.Count - Positives;
}

/// <summary>A training set, or the one reason none can be built from this input and these labels.</summary>
public sealed record TrainingSetResult(TrainingSet? Set, string? Error)
{
    public static TrainingSetResult Fail(string error) => new(null, error);
}

/// <summary>
/// Joins every account's features with the ground truth. Labels are checked before the input is
/// read (<see cref="CheckLabels"/>) so a bad labels file fails fast; the join then refuses labels
/// for accounts the input does not hold. Pure.
/// </summary>
public static class TrainingSets
{
    private const int NamedInError = 5;

    /// <summary>Null when the labels can train a model; otherwise why not.</summary>
    public static string? CheckLabels(IReadOnlyList<AccountLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            return "the labels file holds no accounts";
        }

        var twice = labels.GroupBy(l => l.AccountId).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            return $"account '{twice.Key.Value}' is labelled more than once";
        }

        var positives = labels.Count(l => l.IsCampaign);
        return positives == 0 ? $"all {labels.Count} labelled accounts are organic: training needs campaign accounts too"
            : positives == labels.Count ? $"all {labels.Count} labelled accounts are campaign accounts: training needs organic accounts too"
            : null;
    }

    public static TrainingSetResult Join(IReadOnlyList<AccountFeatures> features, IReadOnlyList<AccountLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (CheckLabels(labels) is { } labelError)
        {
            return TrainingSetResult.Fail(labelError);
        }

        if (features.Count == 0)
        {
            return TrainingSetResult.Fail("the input holds no valid exchanges");
        }

        var byAccount = features.ToDictionary(f => f.AccountId);
        var absent = labels.Where(l => !byAccount.ContainsKey(l.AccountId)).Select(l => l.AccountId.Value).ToArray();
        if (absent.Length > 0)
        {
            return TrainingSetResult.Fail(
                $"{absent.Length} labelled account(s) do not appear in the input, e.g. {string.Join(", ", absent.Take(NamedInError))}: "
                + "the labels belong to another log");
        }

        var accounts = labels.Select(l => new LabelledAccount(byAccount[l.AccountId], l.IsCampaign)).ToArray();
        return new TrainingSetResult(new TrainingSet(accounts, features.Count - accounts.Length), null);
    }
}
