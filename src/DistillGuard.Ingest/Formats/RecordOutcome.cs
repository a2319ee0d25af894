using DistillGuard.Ingest.Validation;

namespace DistillGuard.Ingest.Formats;

/// <summary>
/// One record of a file as a format reader saw it: where it was and how validation went. A reader whose file breaks
/// part-way (a cut or corrupt compressed stream) ends with one outcome that carries <see cref="Break"/> and no record.
/// </summary>
internal readonly record struct RecordOutcome(long Line, ValidationResult Result, CompressedStreamBrokenException? Break = null)
{
    public static RecordOutcome Broken(CompressedStreamBrokenException broken) => new(0, default, broken);
}
