using System.CommandLine;
using DistillGuard.Analysis;
using DistillGuard.Core.Content;
using DistillGuard.Embeddings;

namespace DistillGuard.Cli.Commands;

/// <summary>`--embeddings on|off`: whether a run joins campaign clusters whose wrappers mean the same (MiniLM sentence embeddings).</summary>
internal static class EmbeddingSwitch
{
    /// <summary>Off by default: see docs/performance.md, "Embeddings: sampling, caching and cost", for the measurement behind it.</summary>
    public const string Default = "off";

    public static Option<string> Build()
    {
        var option = new Option<string>("--embeddings")
        {
            Description = "on: join campaign clusters whose prompt wrappers mean the same (MiniLM sentence embeddings on the CPU, a bounded sample per cluster); off: leave them out",
            DefaultValueFactory = _ => Default,
        };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }

    /// <summary>A model for one or more runs: loaded on first use, disposed with this; null when off.</summary>
    public static Encoder? Open(string? choice) => choice == "on" ? new Encoder() : null;

    /// <summary>The embedding options of a run over an open encoder (none when the switch is off).</summary>
    public static EmbeddingOptions? Options(Encoder? encoder) => encoder is null ? null : new EmbeddingOptions { Encoder = encoder.Cached };

    /// <summary>The MiniLM encoder behind an in-process cache keyed by each sentence's hash.</summary>
    internal sealed class Encoder : IDisposable
    {
        private readonly MiniLmSentenceEncoder _model = new();

        public Encoder() => Cached = new CachedSentenceEncoder(_model);

        public CachedSentenceEncoder Cached { get; }

        public void Dispose() => _model.Dispose();
    }
}
