namespace DistillGuard.Reporting;

using DistillGuard.Core.Model;

/// <summary>Pure operations on daily counts: merging campaigns and filling the quiet days.</summary>
internal static class Timelines
{
    /// <summary>Sums the days of many timelines.</summary>
    public static IReadOnlyList<DailyCount> Merge(IEnumerable<IReadOnlyList<DailyCount>> timelines) =>
        timelines
            .SelectMany(t => t)
            .GroupBy(d => d.Day)
            .Select(g => new DailyCount(g.Key, g.Sum(d => d.Exchanges), g.Sum(d => d.OutputTokens)))
            .OrderBy(d => d.Day)
            .ToList();

    /// <summary>One entry per day from the first to the last, zero where a day has no activity.</summary>
    public static IReadOnlyList<DailyCount> Dense(IReadOnlyList<DailyCount> timeline)
    {
        if (timeline.Count == 0)
        {
            return [];
        }

        var byDay = Merge([timeline]).ToDictionary(d => d.Day);
        var first = byDay.Keys.Min();
        var last = byDay.Keys.Max();
        var days = new List<DailyCount>(last.DayNumber - first.DayNumber + 1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(byDay.GetValueOrDefault(day) ?? new DailyCount(day, 0, 0));
        }

        return days;
    }
}
