using System.Text.Json;
using CsCheck;
using DistillGuard.Core.Content;
using DistillGuard.Core.Features;
using DistillGuard.Core.Similarity;
using DistillGuard.Core.Sketches;
using DistillGuard.Core.Tests.Reference;
using Xunit;

namespace DistillGuard.Core.Tests;

/// <summary>
/// The cheaper content signals of #20 give the same answers as the code they replaced (<see cref="ReferenceSignals"/>):
/// on every prompt of the public corpora in ../shared/data, and on generated text built from the pieces the signals
/// react to (cue words and phrases, line breaks, apostrophes, operators, non-ASCII letters that fold to ASCII),
/// short and longer than the head and tail windows.
/// </summary>
public sealed class SignalEquivalenceTests
{
    private static readonly string[] Pieces =
    [
        " ", "  ", "\n", "\n\n", "\r\n", "\t", "'", "''", "'s", "don't", "x'", ".", ",", ";", ":", "?", "!", "-", "_", "(", ")",
        "+", "*", "/", "=", "^", "×", "÷", " + ", "3", "42", "7.5", "x=12", "5*6", "a^2", "2 ÷ 4", "```", "def ", "();", "=>",
        "#include", ">>>", "\\frac", "$$", "\\(", "\\sqrt", "python", "Python", "PYTHON", "function", "equation", "plan",
        "write", "hello", "hi", "no", "json", "tool", "Mathematical", "classification", "supercalifragilisticexpialidocious",
        new string('a', 47), new string('b', 48), new string('c', 60), "step by step", "Step By Step", "STEP-BY-STEP",
        "chain of", " thought", "show your work", "think", " carefully", "adım adım", "ADIM ADIM", "adim adim", "ADIM adim",
        "ı", "İ", "ſ", "K", "K", "é", "É", "ü", "paso a paso", "шаг за шагом", "ШАГ", "逐步", "推理过程", "단계별", "ステップ",
        "😀", "\ud83d", "Question:", "Answer:", "Show your working.", "Have a go at this.", "the", "and", "of",
    ];

    private static readonly Gen<string> Piece = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]);

    private static readonly Gen<string> Text = Gen.OneOf(
        Piece.Array[0, 40].Select(string.Concat),
        Piece.Array[900, 2400].Select(string.Concat),
        Gen.String[0, 200]);

    [Fact]
    public void TheCorpusPromptsGetTheSameSignals()
    {
        var prompts = Corpora().ToArray();
        Assert.True(prompts.Length >= 5_000, $"{prompts.Length} prompts");
        for (var i = 0; i < prompts.Length; i++)
        {
            var system = i % 7 == 0 ? prompts[(i + 1) % prompts.Length] : null;
            AssertSame(prompts[i], system, i % 5);
        }
    }

    [Fact]
    public void GeneratedTextGetsTheSameSignals() =>
        Gen.Select(Text, Text, Gen.Int[0, 12]).Sample((prompt, system, tools) => AssertSame(prompt, system.Length % 3 == 0 ? null : system, tools), iter: 3_000);

    [Fact]
    public void AWordIsFoundWalkingBackAsWalkingForward() =>
        Text.Sample(text =>
        {
            var forward = new List<(int, int)>();
            var i = 0;
            while (PromptWords.NextWord(text, ref i, out var start, out var length))
            {
                forward.Add((start, length));
            }

            var backward = new List<(int, int)>();
            var j = text.Length;
            while (PromptWords.PreviousWord(text, ref j, out var start, out var length))
            {
                backward.Add((start, length));
            }

            backward.Reverse();
            Assert.Equal(forward, backward);
        }, iter: 3_000);

    [Fact]
    public void ARecurringSystemPromptGivesTheSameSignalsAsAFreshOne()
    {
        // More system prompts than a thread remembers, each as several instances of one text, in random order: every
        // exchange gets what its prompt and system prompt give when searched and hashed afresh.
        var prompts = Corpora().Take(3_000).ToArray();
        var texts = prompts.Where((_, i) => i % 5 == 0).Take(400).ToArray();
        var instances = texts.SelectMany(t => new[] { t, new string(t.AsSpan()), new string(t.AsSpan()) }).ToArray();
        var random = new Random(20);
        for (var i = 0; i < 20_000; i++)
        {
            var system = instances[random.Next(instances.Length)];
            AssertSameExchange(prompts[random.Next(prompts.Length)], system, 0);
        }
    }

    private static void AssertSame(string prompt, string? system, int tools)
    {
        Assert.Equal(ReferenceSignals.Classify(prompt, tools), CapabilityClassifier.Default.Classify(prompt, tools));
        Assert.Equal(ReferenceSignals.DetectReasoning(prompt, system), ReasoningElicitation.Detect(prompt, system));
        Assert.Equal(ReferenceSignals.Template(prompt), TemplateKeys.Of(prompt));
        AssertSameExchange(prompt, system, tools);
    }

    private static void AssertSameExchange(string prompt, string? system, int tools)
    {
        var signals = ExchangeSignals.Of(Some.Exchange("acct", prompt) with { SystemPrompt = system, ToolsDeclared = tools });
        Assert.Equal(ReferenceSignals.DetectReasoning(prompt, system), signals.ElicitsReasoning);
        Assert.Equal(string.IsNullOrEmpty(system) ? 0 : StableHash.Of(system), signals.SystemPromptHash);
    }

    private static IEnumerable<string> Corpora()
    {
        foreach (var folder in new[] { "extraction", "organic" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(SharedData.Root, folder), "*.jsonl").Order(StringComparer.Ordinal))
            {
                foreach (var line in File.ReadLines(file))
                {
                    if (JsonDocument.Parse(line).RootElement.TryGetProperty("text", out var text) && text.GetString() is { } prompt)
                    {
                        yield return prompt;
                    }
                }
            }
        }
    }
}
