using System.Runtime.CompilerServices;
using DistillGuard.Core.Content;
using DistillGuard.Core.Sketches;

namespace DistillGuard.Core.Features;

/// <summary>
/// What a system prompt adds to an exchange's signals: its hash, and whether it elicits reasoning
/// (<see cref="ReasoningElicitation.DetectInSystemPrompt"/>). A system prompt recurs from exchange to exchange as the one
/// string instance the reader makes of it, so each thread remembers the answers for the instances it saw last and
/// searches and hashes a recurring one once, not with every exchange. Strings are immutable, so a remembered answer is
/// the one the instance would give again.
/// </summary>
internal static class SystemPromptSignals
{
    /// <summary>Instances remembered per thread: a power of two, well above the system prompts a run's clients send.</summary>
    private const int Entries = 256;

    [ThreadStatic]
    private static Entry[]? _entries;

    public static (ulong Hash, bool Elicits) Of(string systemPrompt)
    {
        var entries = _entries ??= new Entry[Entries];
        ref var entry = ref entries[RuntimeHelpers.GetHashCode(systemPrompt) & (Entries - 1)];
        if (!ReferenceEquals(entry.Text, systemPrompt))
        {
            entry = new Entry(systemPrompt, StableHash.Of(systemPrompt), ReasoningElicitation.DetectInSystemPrompt(systemPrompt));
        }

        return (entry.Hash, entry.Elicits);
    }

    private readonly record struct Entry(string? Text, ulong Hash, bool Elicits);
}
