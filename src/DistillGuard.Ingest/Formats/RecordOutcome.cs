using DistillGuard.Ingest.Validation;

namespace DistillGuard.Ingest.Formats;

/// <summary>One record of a file as a format reader saw it: where it was and how validation went.</summary>
internal readonly record struct RecordOutcome(long Line, ValidationResult Result);
