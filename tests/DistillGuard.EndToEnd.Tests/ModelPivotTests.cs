using System.Text.Json;

namespace DistillGuard.EndToEnd.Tests;

public class ModelPivotTests
{
    [Fact]
    public async Task ACampaignsMoveToANewlyReleasedModelIsReportedWithItsDay()
    {
        var run = await Scenarios.Analyse(await Scenarios.Simulate("model-pivot", 202));

        using var campaigns = JsonDocument.Parse(await File.ReadAllTextAsync(run.Campaigns));
        var shifts = campaigns.RootElement.EnumerateArray()
            .SelectMany(c => c.GetProperty("model_shifts").EnumerateArray())
            .Select(s => (Day: s.GetProperty("day").GetString(), To: s.GetProperty("to").GetString()))
            .ToList();
        Assert.NotEmpty(shifts);
        // The model is released on day 3 (2026-04-25); operators move within the day.
        Assert.All(shifts, s =>
        {
            Assert.Equal("frontier-xl-2026-05", s.To);
            Assert.True(s.Day is "2026-04-25" or "2026-04-26", s.Day);
        });
    }
}
