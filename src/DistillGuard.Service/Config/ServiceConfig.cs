namespace DistillGuard.Service.Config;

/// <summary>One bearer token as the config holds it: a name, a role and the SHA-256 of the token (never the token).</summary>
public sealed record ServiceToken(string Name, Role Role, byte[] Sha256);

/// <summary>The service's validated configuration (<c>service.json</c>).</summary>
/// <param name="PolicyPath">The policy file, resolved beside the config; null for the built-in default policy.</param>
/// <param name="Relink">How often linking and campaign judgement rerun in the background.</param>
public sealed record ServiceConfig(IReadOnlyList<ServiceToken> Tokens, string? PolicyPath, TimeSpan Relink)
{
    /// <summary>Background relink period when the file names none (the contract's example).</summary>
    public const int DefaultRelinkSeconds = 60;

    /// <summary>Largest accepted request body when the file names none (16 MiB: a few thousand exchanges with long prompts).</summary>
    public const long DefaultMaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>Ingest batches waiting for the writer when the file names none; one more is answered 429.</summary>
    public const int DefaultIngestQueueBatches = 64;

    /// <summary>The Retry-After of a 429 when the file names none.</summary>
    public const int DefaultRetryAfterSeconds = 1;

    /// <summary>The policy decisions apply: the file's, or the built-in default.</summary>
    public Decisions.IDecisionPolicy Policy { get; init; } = Decisions.EnforcementPolicy.BuiltIn;

    /// <summary>Largest request body; a larger one gets 413.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>Ingest batches that may wait for the writer; when full, a batch is refused with 429 and none of it kept.</summary>
    public int IngestQueueBatches { get; init; } = DefaultIngestQueueBatches;

    /// <summary>Seconds a client is told to wait after a 429.</summary>
    public int RetryAfterSeconds { get; init; } = DefaultRetryAfterSeconds;

    /// <summary>
    /// The detection options and weights every relink uses, and their version label: the files' (<c>detection_options</c>,
    /// <c>scoring_model</c>, read as <c>analyze --options</c> and <c>--model</c> read them), or the built-in defaults.
    /// </summary>
    public Analysis.ScoringChoice Scoring { get; init; } = Analysis.ScoringChoice.Default;
}
