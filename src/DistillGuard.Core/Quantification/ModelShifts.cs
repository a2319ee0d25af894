using DistillGuard.Core.Model;

namespace DistillGuard.Core.Quantification;

/// <summary>
/// Finds when a campaign moved to another model: the first day on which a model it had not led
/// with before carries most of its exchanges (for example within a day of a new model's release).
/// </summary>
public static class ModelShifts
{
    public static IReadOnlyList<ModelShift> Detect(IReadOnlyList<ModelDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var shifts = new List<ModelShift>();
        var led = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var day in days.GroupBy(d => d.Day).OrderBy(g => g.Key))
        {
            var total = day.Sum(d => d.Exchanges);
            var leader = day.OrderByDescending(d => d.Exchanges).ThenBy(d => d.Model, StringComparer.Ordinal).First();
            if (leader.Exchanges * 2 <= total)
            {
                continue; // no model carries a majority that day
            }

            if (current is not null && leader.Model != current && !led.Contains(leader.Model))
            {
                shifts.Add(new ModelShift(day.Key, current, leader.Model));
            }

            led.Add(leader.Model);
            current = leader.Model;
        }

        return shifts;
    }
}
