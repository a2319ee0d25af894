using System.Text.Json;

namespace DistillGuard.EndToEnd.Tests;

public class ModelPivotTests
{
    [Fact]
    public async Task ACampaignsMoveToANewlyReleasedModelIsReportedWithItsDay()
    {
        using var dir = new TempDir();
        Assert.Equal(0, await Cli.Run("simulate", "--scenario", "model-pivot", "--seed", "202", "--out", dir["data"]));
        Assert.Equal(0, await Cli.Run("analyze", "--input", dir["data"], "--out", dir["out"]));

        using var campaigns = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir["out"], "campaigns.json")));
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
