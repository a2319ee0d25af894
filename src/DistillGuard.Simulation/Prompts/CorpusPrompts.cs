using System.Text.Json;
using DistillGuard.Simulation.Randomness;

namespace DistillGuard.Simulation.Prompts;

/// <summary>
/// Prompts loaded from JSONL (<c>{"text": ..., "turns": [...]}</c>); a folder means every
/// <c>*.jsonl</c> in it, in ordinal name order so loading is deterministic.
/// </summary>
internal sealed class CorpusPrompts : IPromptSource
{
    private readonly IReadOnlyList<PromptItem> items;

    private CorpusPrompts(IReadOnlyList<PromptItem> items) => this.items = items;

    public int Count => items.Count;

    public static CorpusPrompts Load(string path)
    {
        IEnumerable<string> files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.jsonl").Order(StringComparer.Ordinal)
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"Prompt corpus not found: {path}", path);
        var items = new List<PromptItem>();
        foreach (string file in files)
        {
            foreach (string line in File.ReadLines(file))
            {
                if (TryParse(line) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        return items.Count > 0
            ? new CorpusPrompts(items)
            : throw new InvalidDataException($"Prompt corpus '{path}' holds no JSONL record with a non-empty \"text\" field.");
    }

    public PromptItem Next(Random rng) => items[rng.Next(items.Count)];

    public IPromptSource Sweep(Random rng) => new Cursor(items, rng);

    /// <summary>One JSONL line, or null for a blank or unusable line (corpora are inputs, not contracts).</summary>
    private static PromptItem? TryParse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out JsonElement text)
                || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString()))
            {
                return null;
            }

            var turns = new List<string>();
            if (root.TryGetProperty("turns", out JsonElement t) && t.ValueKind == JsonValueKind.Array)
            {
                turns.AddRange(t.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String)
                    .Select(e => e.GetString()!).Where(s => s.Length > 0));
            }

            return new PromptItem(text.GetString()!, turns);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Walks a shuffled order of the items; reshuffles when it runs out.</summary>
    private sealed class Cursor(IReadOnlyList<PromptItem> items, Random rng) : IPromptSource
    {
        private readonly int[] order = [.. Enumerable.Range(0, items.Count)];
        private int next = items.Count;

        public PromptItem Next(Random ignored)
        {
            if (next >= order.Length)
            {
                rng.Shuffle(order);
                next = 0;
            }

            return items[order[next++]];
        }
    }
}
