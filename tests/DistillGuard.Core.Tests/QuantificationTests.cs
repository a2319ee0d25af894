using Xunit;
using DistillGuard.Core.Model;
using DistillGuard.Core.Quantification;

namespace DistillGuard.Core.Tests;

public class QuantificationTests
{
    private static readonly DateOnly Day0 = new(2026, 4, 22);

    [Fact]
    public void AMoveToANewlyLeadingModelIsReportedWithItsDay()
    {
        ModelDay[] days =
        [
            new(Day0, "m-1", 900), new(Day0, "m-2", 0),
            new(Day0.AddDays(1), "m-1", 880),
            new(Day0.AddDays(2), "m-1", 200), new(Day0.AddDays(2), "m-2", 700),
            new(Day0.AddDays(3), "m-2", 950),
        ];
        var shift = Assert.Single(ModelShifts.Detect(days));
        Assert.Equal(Day0.AddDays(2), shift.Day);
        Assert.Equal("m-1", shift.FromModel);
        Assert.Equal("m-2", shift.ToModel);
    }

    [Fact]
    public void MixedDaysWithoutAMajorityAndReturnsToAnOldModelAreNotShifts()
    {
        ModelDay[] days =
        [
            new(Day0, "m-1", 900),
            new(Day0.AddDays(1), "m-1", 400), new(Day0.AddDays(1), "m-2", 400), new(Day0.AddDays(1), "m-3", 300),
            new(Day0.AddDays(2), "m-2", 900),
            new(Day0.AddDays(3), "m-1", 900),
        ];
        var shifts = ModelShifts.Detect(days);
        Assert.Single(shifts);
        Assert.Equal("m-2", shifts[0].ToModel);
    }

    [Fact]
    public void TheEstimatedValueIsTokensTimesPricePerMillion() =>
        Assert.Equal(3.0 + 30.0 + 7.5, new ApiPrices(3, 15, 15).Value(1_000_000, 2_000_000, 500_000), 9);
}
