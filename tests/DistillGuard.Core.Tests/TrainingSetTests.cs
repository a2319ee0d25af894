using DistillGuard.Core.Training;
using Xunit;
using static DistillGuard.Core.Tests.TrainingData;

namespace DistillGuard.Core.Tests;

public class TrainingSetTests
{
    [Fact]
    public void LabelledAccountsAreJoinedAndUnlabelledOnesCounted()
    {
        var result = TrainingSets.Join([Account("a"), Account("b"), Account("c")], [Label("a", true), Label("b", false)]);

        Assert.Null(result.Error);
        Assert.Equal(2, result.Set!.Accounts.Count);
        Assert.Equal(1, result.Set.Positives);
        Assert.Equal(1, result.Set.UnlabelledAccounts);
    }

    [Fact]
    public void AnEmptyLabelsListIsRefused() =>
        Assert.Equal("the labels file holds no accounts", TrainingSets.CheckLabels([]));

    [Fact]
    public void LabelsOfASingleClassAreRefused()
    {
        Assert.Contains("all 2 labelled accounts are organic", TrainingSets.CheckLabels([Label("a", false), Label("b", false)]), StringComparison.Ordinal);
        Assert.Contains("all 1 labelled accounts are campaign accounts", TrainingSets.CheckLabels([Label("a", true)]), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAccountLabelledTwiceIsRefused() =>
        Assert.Equal("account 'a' is labelled more than once", TrainingSets.CheckLabels([Label("a", true), Label("b", false), Label("a", false)]));

    [Fact]
    public void LabelsForAccountsAbsentFromTheInputAreRefused()
    {
        var result = TrainingSets.Join([Account("a"), Account("b")], [Label("a", true), Label("b", false), Label("ghost", false)]);

        Assert.Null(result.Set);
        Assert.Contains("1 labelled account(s) do not appear in the input, e.g. ghost", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInputWithoutAccountsIsRefused() =>
        Assert.Equal("the input holds no valid exchanges", TrainingSets.Join([], [Label("a", true), Label("b", false)]).Error);
}
